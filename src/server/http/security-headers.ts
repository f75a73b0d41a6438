import type { IncomingMessage, ServerResponse } from "node:http";
import type { FastifyInstance } from "fastify";
import helmet, { type HelmetOptions } from "helmet";

/** Which set a route answers with: "page" for what a browser renders, "api" for JSON. */
export type HeaderSet = "page" | "api";

declare module "fastify" {
  interface FastifyContextConfig {
    /** Routes under /api that a browser renders (files shown inline, the API reference) say "page". */
    securityHeaders?: HeaderSet;
  }
}

/** The headers helmet sets for these options, computed once instead of on every request. */
export function helmetHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: (name: string) => {
      delete headers[name.toLowerCase()];
    },
  };
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, () => {});
  return headers;
}

/**
 * Security headers. Pages, assets and files shown inline get helmet's full set with our strict
 * CSP (no inline scripts). JSON answers get the set OWASP recommends for REST APIs — a CSP that
 * allows nothing, no framing, nosniff, no referrer, same-origin resources: about a fifth of the
 * bytes on the API's busiest answers. Both sets are computed at start, not per request.
 */
export function registerSecurityHeaders(app: FastifyInstance, options: { hsts: boolean }) {
  const page = helmetHeaders({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Mantine sets inline style attributes; no inline scripts anywhere.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", "data:", "blob:"],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        frameAncestors: ["'self'"],
        upgradeInsecureRequests: options.hsts ? [] : null,
      },
    },
    hsts: options.hsts,
  });
  const api: Record<string, string> = {
    "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",
    "cross-origin-resource-policy": "same-origin",
    ...(page["strict-transport-security"]
      ? { "strict-transport-security": page["strict-transport-security"] }
      : {}),
  };
  const sets: Record<HeaderSet, Record<string, string>> = { page, api };

  // Decided per route when it is registered; a request only looks the answer up.
  app.addHook("onRoute", (route) => {
    const url = route.url ?? route.path;
    const apiJson = url.startsWith("/api/") && !url.startsWith("/api/docs");
    route.config = {
      ...route.config,
      securityHeaders: route.config?.securityHeaders ?? (apiJson ? "api" : "page"),
    };
  });
  app.addHook("onRequest", (request, reply, done) => {
    // No route (a 404): JSON under /api, a page elsewhere.
    const set =
      request.routeOptions.config.securityHeaders ?? (request.url.startsWith("/api/") ? "api" : "page");
    reply.headers(sets[set]);
    done();
  });
}
