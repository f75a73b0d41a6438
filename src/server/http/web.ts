import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";

/**
 * Serves the built web app from the same process: hashed assets cached for a year, everything else
 * revalidated, and index.html for client-side routes. Returns the SPA fallback for the 404 handler.
 */
export async function registerWeb(app: FastifyInstance, distDir: string) {
  const index = join(distDir, "index.html");
  if (!existsSync(index)) {
    app.log.warn({ distDir }, "web app not built (npm run build); serving the API only");
    return undefined;
  }
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: false,
    cacheControl: false,
    // name.br and name.gz beside each built file (scripts/precompress.ts), chosen by Accept-Encoding.
    preCompressed: true,
    setHeaders(reply, path) {
      reply.header(
        "cache-control",
        path.includes(`${distDir}/assets/`) ? "public, max-age=31536000, immutable" : "no-cache",
      );
    },
  });
  return (request: FastifyRequest, reply: FastifyReply): boolean => {
    const path = request.url.split("?")[0] ?? "/";
    if (request.method !== "GET" && request.method !== "HEAD") return false;
    if (path.startsWith("/api/") || path.startsWith("/dev/") || path === "/metrics") return false;
    // A missing asset is a real 404, not the app shell.
    if (path.startsWith("/assets/")) return false;
    reply.header("cache-control", "no-cache");
    void reply.sendFile("index.html");
    return true;
  };
}
