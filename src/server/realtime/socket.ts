import websocket from "@fastify/websocket";
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { WebSocket } from "ws";
import type { Actor } from "../auth/actor.ts";
import { AppError } from "../errors.ts";
import { all, credential } from "../http/access.ts";
import type { Broker, RealtimeEvent } from "./broker.ts";
import { createFrameBudget } from "./frame-budget.ts";
import {
  CLOSE_POLICY_VIOLATION,
  CLOSE_UNAUTHENTICATED,
  type ClientFrame,
  clientFrameSchema,
  MAX_FRAME_BYTES,
} from "./frames.ts";
import { createHub } from "./hub.ts";
import { createSampledLog } from "./sampled-log.ts";

export interface RealtimeOptions {
  broker: Broker;
  /** Origins a browser may open the socket from (the app's own public URL). */
  allowedOrigins: string[];
  resolveActor: (request: FastifyRequest) => Promise<Actor | undefined>;
  /**
   * Stored events of a user from a watermark on, oldest first, for a client resuming after a
   * reconnect, and the watermark to resume from next time (sent in "ready"); without a watermark,
   * only the next one (event-log.ts).
   */
  replay?: (userId: string, after: string | undefined) => Promise<{ events: RealtimeEvent[]; after: string }>;
  /**
   * The features' side of one signed-in socket, opened once per socket and closed with it: it gets
   * the socket's valid frames (typing, signalling) and checks what the actor may do, and what it
   * decides once (may this user signal in this room) serves the socket's next frames, never longer.
   */
  frames?: (actor: Actor) => FrameHandler;
  heartbeatMs?: number;
}

export interface FrameHandler {
  /** One valid frame; rejects when the feature refuses it (not allowed, or the thing is gone). */
  frame(frame: ClientFrame): Promise<void>;
  /** The socket has closed. */
  close(): void;
}

export interface RealtimeStats {
  delivered: number;
  dropped: number;
  /** Frames that were not JSON or not a known event: ignored, the connection kept. */
  ignoredFrames: number;
  /** Valid frames the feature refused (not allowed, or the thing is gone): not relayed. */
  refusedFrames: number;
  /** Sockets closed with 1008 for sending more frames than their budget. */
  closedForFlood: number;
}

const GOING_AWAY = 1001;
/** A flooding socket is cut off this long after its close frame was sent (it is not read meanwhile). */
const FLOOD_CLOSE_GRACE_MS = 1_000;
/** Refusals and floods can come thousands a second: one line each per this, the rest counted. */
const SAMPLED_LOG_EVERY_MS = 10_000;

/** A refusal is expected (a door said no): its code and reason. Anything else is a bug: its stack. */
const refusalFields = (error: unknown) =>
  error instanceof AppError ? { code: error.code, reason: error.reason } : { err: error };

/**
 * The live channel at /api/ws: authenticated by the session cookie, opened only from allowed
 * origins, one room per user. After a reconnect the client passes `?after=<watermark>` (from the
 * last "ready" frame) and first receives what it may have missed (it may see an event twice around
 * the switch; ids make that harmless). Heartbeats find dead peers; a client that stops reading is dropped, and one that sends
 * more than its frame budget is closed with 1008 before its frames cost anything.
 */
export async function registerRealtime(app: FastifyInstance, options: RealtimeOptions) {
  const stats: RealtimeStats = {
    delivered: 0,
    dropped: 0,
    ignoredFrames: 0,
    refusedFrames: 0,
    closedForFlood: 0,
  };
  const logRefusal = createSampledLog(SAMPLED_LOG_EVERY_MS);
  const logFlood = createSampledLog(SAMPLED_LOG_EVERY_MS);
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
        // The socket reads the session itself and closes with 4401 without one (after the upgrade);
        // a plain GET, which is all the matrix test can send, is no upgrade and gets 404.
        config: { rateLimit: false, access: credential("socket session", all("hidden")) },
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
        const handler = options.frames?.(actor);
        socket.on("close", () => {
          hub.remove(actor.userId, socket);
          handler?.close();
        });
        const budget = createFrameBudget();
        let flooding = false;
        socket.on("message", (raw, isBinary) => {
          // Spent before anything is parsed: past the budget, a frame costs one comparison.
          if (flooding) return;
          if (!budget.take()) {
            flooding = true;
            stats.closedForFlood += 1;
            socket.close(CLOSE_POLICY_VIOLATION, "too many frames");
            // Nothing it still sends is read; the close frame has time to leave before the cut.
            socket.pause();
            setTimeout(() => socket.terminate(), FLOOD_CLOSE_GRACE_MS).unref();
            logFlood((leftOut) =>
              request.log.warn({ userId: actor.userId, leftOut }, "live socket closed for flooding"),
            );
            return;
          }
          let frame: ClientFrame;
          try {
            frame = clientFrameSchema.parse(JSON.parse(isBinary ? "" : raw.toString()));
          } catch {
            stats.ignoredFrames += 1;
            return;
          }
          handler?.frame(frame).catch((error: unknown) => {
            stats.refusedFrames += 1;
            logRefusal((leftOut) =>
              request.log.warn(
                { userId: actor.userId, type: frame.type, ...refusalFields(error), leftOut },
                "live frames refused",
              ),
            );
          });
        });
        // Live events flow from here on; what happened while away comes first (and may overlap).
        const asked = (request.query as { after?: string }).after;
        const after = asked && /^\d{1,19}$/.test(asked) ? asked : undefined;
        let next: string | undefined;
        if (options.replay) {
          const replay = await options.replay(actor.userId, after);
          for (const event of replay.events) hub.sendTo(socket, JSON.stringify(event));
          next = replay.after;
        }
        socket.send(JSON.stringify({ type: "ready", data: next === undefined ? null : { after: next } }));
      },
    );
  });

  return { stats, hub };
}
