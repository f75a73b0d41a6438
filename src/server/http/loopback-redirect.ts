import type { FastifyInstance } from "fastify";

const LOOPBACK_NAMES = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * Where a page load should go instead, or undefined: when it came to another loopback spelling
 * (127.0.0.1, [::1], localhost) of the public URL's port. Cookies and Better Auth's origin check
 * are bound to one address, so the app works only under the one the public URL names.
 */
export function loopbackRedirect(host: string, url: string, publicUrl: string): string | undefined {
  const target = new URL(publicUrl);
  if (!LOOPBACK_NAMES.has(target.hostname)) return undefined;
  let came: URL;
  try {
    came = new URL(`${target.protocol}//${host}`);
  } catch {
    return undefined;
  }
  if (!LOOPBACK_NAMES.has(came.hostname) || came.port !== target.port || came.host === target.host) {
    return undefined;
  }
  // Appended, never resolved: a path such as //elsewhere.example must not leave the app.
  return `${target.origin}${url}`;
}

/**
 * With no PUBLIC_URL set, the server assumes http://localhost:PORT while it listens on 127.0.0.1:
 * a newcomer opening http://127.0.0.1:PORT is sent on to the assumed address, so sign-up and
 * sign-in work there. Only page loads (GET or HEAD asking for HTML) move; API calls through the
 * wrong address are told where to go by the same-origin check.
 */
export function registerLoopbackRedirect(app: FastifyInstance, publicUrl: string) {
  app.addHook("onRequest", (request, reply, done) => {
    const page =
      (request.method === "GET" || request.method === "HEAD") &&
      (request.headers.accept ?? "").includes("text/html");
    const to = page ? loopbackRedirect(request.host, request.url, publicUrl) : undefined;
    if (!to) return done();
    reply.redirect(to, 307);
  });
}
