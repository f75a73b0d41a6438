import { createHash, timingSafeEqual } from "node:crypto";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { FastifyInstance } from "fastify";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";
import { AppError } from "../errors.ts";
import { all, credential } from "./access.ts";
import { PROBLEM_TYPE } from "./problems.ts";

const digest = (value: string) => createHash("sha256").update(value).digest();

/** Whether an Authorization header carries the token; compared in constant time (as equal-length digests). */
export function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "")?.[1];
  return presented !== undefined && timingSafeEqual(digest(presented), digest(token));
}

/**
 * Prometheus metrics: a latency histogram per route plus the process defaults. The readings (heap,
 * requests per route, socket counts) help an attacker as much as an operator, so the main listener
 * serves /metrics only with `token` as a bearer token, and not at all without one (404);
 * `listenForMetrics` serves them on an address of their own instead.
 */
export function registerMetrics(app: FastifyInstance, token: string | undefined): Registry {
  // A registry per app instance: tests build many apps in one process.
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const latency = new Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request latency by route",
    labelNames: ["method", "route", "status_code"],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });

  // A callback hook, not an async one: it runs on every request and has nothing to wait for.
  app.addHook("onResponse", (request, reply, done) => {
    // The route pattern, not the URL, so ids do not explode the label set.
    const route = request.routeOptions.url ?? "unmatched";
    latency.observe(
      { method: request.method, route, status_code: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
    done();
  });

  if (token === undefined) return registry;
  app.get(
    "/metrics",
    {
      schema: { hide: true },
      // The bearer token is the credential: without it everybody gets 401, whatever their session.
      config: { rateLimit: false, access: credential("bearer token", all("unauthenticated")) },
    },
    async (request, reply) => {
      if (!bearerMatches(request.headers.authorization, token)) {
        throw new AppError("unauthenticated", {
          detail: "Send the metrics token as a bearer token.",
          headers: { "www-authenticate": 'Bearer realm="metrics"' },
        });
      }
      reply.type(registry.contentType);
      return registry.metrics();
    },
  );
  return registry;
}

/** A listener of its own serving only GET /metrics, for an address only the scraper can reach. */
export async function listenForMetrics(registry: Registry, host: string, port: number) {
  const server = createServer((request, response) => {
    const path = (request.url ?? "/").split("?")[0];
    if (path !== "/metrics" || (request.method !== "GET" && request.method !== "HEAD")) {
      response.writeHead(404, { "content-type": PROBLEM_TYPE });
      response.end(JSON.stringify(new AppError("not_found").toProblem(path)));
      return;
    }
    registry.metrics().then(
      (text) => {
        response.writeHead(200, { "content-type": registry.contentType });
        response.end(request.method === "HEAD" ? undefined : text);
      },
      () => {
        response.writeHead(500, { "content-type": PROBLEM_TYPE });
        response.end(JSON.stringify(new AppError("internal").toProblem(path)));
      },
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${address.family === "IPv6" ? `[${address.address}]` : address.address}:${address.port}/metrics`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

export interface LiveChannelReadings {
  stats: {
    delivered: number;
    dropped: number;
    ignoredFrames: number;
    refusedFrames: number;
    closedForFlood: number;
  };
  connections(): number;
}

/**
 * The live channel's counters, read at scrape time so the hot path only increments plain numbers.
 * Ignored frames (not JSON, unknown type) are worth watching: a rise means a broken client release.
 */
export function registerLiveChannelMetrics(registry: Registry, live: LiveChannelReadings) {
  const counter = (name: string, help: string, read: () => number) =>
    new Counter({
      name,
      help,
      registers: [registry],
      collect() {
        this.reset();
        this.inc(read());
      },
    });
  counter("ws_events_delivered_total", "Live events written to sockets", () => live.stats.delivered);
  counter(
    "ws_clients_dropped_total",
    "Sockets dropped for not reading (backpressure)",
    () => live.stats.dropped,
  );
  counter(
    "ws_frames_ignored_total",
    "Client frames ignored: malformed or of an unknown type",
    () => live.stats.ignoredFrames,
  );
  counter(
    "ws_frames_refused_total",
    "Well-formed client frames the feature refused (e.g. signalling for a room the sender is not in)",
    () => live.stats.refusedFrames,
  );
  counter(
    "ws_sockets_closed_for_flood_total",
    "Sockets closed with 1008 for sending more frames than their budget",
    () => live.stats.closedForFlood,
  );
  new Gauge({
    name: "ws_connections",
    help: "Open live connections on this instance",
    registers: [registry],
    collect() {
      this.set(live.connections());
    },
  });
}
