import websocket from "@fastify/websocket";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { WebSocket } from "ws";
import type { Actor } from "../auth/actor.ts";
import { AppError } from "../errors.ts";
import type { Broker, RealtimeEvent } from "./broker.ts";
import { CLOSE_UNAUTHENTICATED, type ClientFrame, clientFrameSchema, MAX_FRAME_BYTES } from "./frames.ts";
import { createHub } from "./hub.ts";

export interface RealtimeOptions {
  broker: Broker;
  /** Origins a browser may open the socket from (the app's own public URL). */
  allowedOrigins: string[];
  resolveActor: (request: FastifyRequest) => Promise<Actor | undefined>;
  /** Stored events of a user after an id, oldest first, for a client resuming after a reconnect. */
  replay?: (userId: string, afterId: string) => Promise<RealtimeEvent[]>;
  /** A valid frame from a client (e.g. typing); the feature checks what the actor may do. */
  onFrame?: (actor: Actor, frame: ClientFrame) => Promise<void>;
  heartbeatMs?: number;
}

export interface RealtimeStats {
  delivered: number;
  dropped: number;
  /** Frames that were not JSON or not a known event: ignored, the connection kept. */
  ignoredFrames: number;
  /** Valid frames the feature refused (onFrame threw: not allowed, or the thing is gone): not relayed. */
  refusedFrames: number;
}

const GOING_AWAY = 1001;

/**
 * The live channel at /api/ws: authenticated by the session cookie, opened only from allowed
 * origins, one room per user. After a reconnect the client passes `?after=<last event id>` and
 * first receives what it missed (it may see an event twice around the switch; ids make that
 * harmless). Heartbeats find dead peers; a client that stops reading is dropped.
 */
export async function registerRealtime(app: FastifyInstance, options: RealtimeOptions) {
  const stats: RealtimeStats = { delivered: 0, dropped: 0, ignoredFrames: 0, refusedFrames: 0 };
  const hub = createHub(stats);
  const unsubscribe = options.broker.subscribe((userIds, event) => hub.deliver(userIds, event));
  const alive = new WeakSet<WebSocket>();
  const origins = new Set(options.allowedOrigins);

  const heartbeat = setInterval(() => {
    for (const socket of hub.sockets()) {
      if (!alive.has(socket)) {
        socket.terminate();
        continue;
      }
      alive.delete(socket);
      socket.ping();
    }
  }, options.heartbeatMs ?? 30_000);
  heartbeat.unref();

  app.addHook("onClose", async () => {
    clearInterval(heartbeat);
    unsubscribe();
    for (const socket of hub.sockets()) socket.close(GOING_AWAY, "server shutting down");
  });

  // The WebSocket plugin hooks every request of the scope it is registered in (onRequest and
  // onResponse): it gets a scope of its own holding only the live route.
  await app.register(async (live) => {
    await live.register(websocket, { options: { maxPayload: MAX_FRAME_BYTES } });
    live.get(
      "/api/ws",
      {
        websocket: true,
        schema: { hide: true },
        config: { rateLimit: false },
        // Checked before the upgrade: another site's page cannot ride on the user's cookie.
        preValidation: async (request) => {
          if (!origins.has(request.headers.origin ?? "")) {
            throw new AppError("forbidden", { reason: "realtime.origin_not_allowed" });
          }
        },
      },
      async (socket, request) => {
        const actor = await options.resolveActor(request);
        if (!actor) {
          socket.close(CLOSE_UNAUTHENTICATED, "sign in first");
          return;
        }
        alive.add(socket);
        socket.on("pong", () => alive.add(socket));
        hub.add(actor.userId, socket);
        socket.on("close", () => hub.remove(actor.userId, socket));
        socket.on("message", (raw, isBinary) => {
          let frame: ClientFrame;
          try {
            frame = clientFrameSchema.parse(JSON.parse(isBinary ? "" : raw.toString()));
          } catch {
            stats.ignoredFrames += 1;
            return;
          }
          options.onFrame?.(actor, frame).catch((error) => {
            stats.refusedFrames += 1;
            request.log.warn({ err: error }, "frame failed");
          });
        });
        // Live events flow from here on; what happened while away comes first (and may overlap).
        const after = (request.query as { after?: string }).after;
        if (after && /^\d{1,19}$/.test(after) && options.replay) {
          for (const event of await options.replay(actor.userId, after))
            hub.sendTo(socket, JSON.stringify(event));
        }
        socket.send(JSON.stringify({ type: "ready", data: null }));
      },
    );
  });

  return { stats, hub };
}
