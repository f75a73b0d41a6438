import type { FastifyInstance, FastifyRequest } from "fastify";
import { AppError } from "../errors.ts";

// RFC 9110's safe methods: they change nothing, so another site may send them (and they carry no
// body a form could forge). Everything else must come from the app's own pages.
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS", "TRACE"]);

type Headers = FastifyRequest["headers"];

const single = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

/**
 * Why an unsafe request is refused as not coming from the app's own pages, or undefined.
 *
 * SameSite=Lax cookies stop only other sites: a page on another port or subdomain of the same host
 * still sends them, even with a no-cors multipart POST. Browsers name the page a request comes from
 * in `Origin` on every cross-origin request that is not GET or HEAD, and in `Sec-Fetch-Site`, so a
 * request with neither is not a browser's (curl, a server with an API client) and passes. An
 * opaque `Origin: null` (sandboxed frames, pages without a referrer) counts only when the browser
 * vouches for it being same-origin, as Better Auth's own check does.
 *
 * `host` is the address the request came to: a page we served under another address (127.0.0.1
 * instead of localhost) is told where to open the app instead of being called a foreign site.
 */
export function originRefusal(headers: Headers, host: string, publicUrl: string): AppError | undefined {
  const own = new URL(publicUrl).origin;
  const origin = single(headers.origin);
  const site = single(headers["sec-fetch-site"]);
  if (origin && origin !== "null") return origin === own ? undefined : foreign(origin, host, publicUrl);
  if (origin === "null") return site === "same-origin" ? undefined : crossOrigin(publicUrl);
  if (site === undefined || site === "same-origin" || site === "none") return undefined;
  return crossOrigin(publicUrl);
}

function foreign(origin: string, host: string, publicUrl: string): AppError {
  if (hostOf(origin) !== host.toLowerCase()) return crossOrigin(publicUrl);
  return new AppError("forbidden", {
    reason: "request.wrong_address",
    detail: `Assista is served at ${publicUrl}; open it there.`,
    openAt: publicUrl,
  });
}

function crossOrigin(publicUrl: string): AppError {
  return new AppError("forbidden", {
    reason: "request.cross_origin",
    detail: `Changes are accepted only from pages of ${publicUrl}.`,
    openAt: publicUrl,
  });
}

function hostOf(origin: string): string | undefined {
  try {
    return new URL(origin).host;
  } catch {
    return undefined;
  }
}

/** Refuses unsafe requests from other origins on every route, before any body is read. */
export function registerSameOrigin(app: FastifyInstance, publicUrl: string) {
  app.addHook("onRequest", (request, _reply, done) => {
    if (SAFE_METHODS.has(request.method)) return done();
    done(originRefusal(request.headers, request.host, publicUrl));
  });
}
