import type { FastifyInstance } from "fastify";
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from "prom-client";

/** Prometheus metrics at /metrics: a latency histogram per route plus the process defaults. */
export function registerMetrics(app: FastifyInstance): Registry {
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

  app.get("/metrics", { schema: { hide: true }, config: { rateLimit: false } }, async (_request, reply) => {
    reply.type(registry.contentType);
    return registry.metrics();
  });
  return registry;
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
