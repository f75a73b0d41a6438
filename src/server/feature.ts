import type { FastifyBaseLogger, FastifyPluginAsync } from "fastify";
import type { Redis } from "ioredis";
import type { Door } from "../features/calls/rooms.ts";
import type { RoomKind } from "../features/calls/schema.ts";
import type { ClientFrame, LiveEvent } from "../features/common/shared-schema.ts";
import type { AttentionSource } from "../features/contracts/overview.ts";
import type { Notices } from "../features/notifications/notice.ts";
import type { Notifier } from "../features/notifications/service.ts";
import type { Actor } from "./auth/actor.ts";
import type { SessionCache } from "./auth/session-cache.ts";
import type { Config } from "./config.ts";
import type { Db } from "./db/client.ts";
import type { Jobs } from "./jobs/boss.ts";
import type { AnyJob } from "./jobs/define.ts";
import type { Mailer } from "./mail/outbox.ts";
import type { Delivery, EventLog } from "./realtime/event-log.ts";
import type { Storage } from "./storage/storage.ts";

/** What the app builds once and hands every feature: infrastructure, never another feature. */
export interface FeatureContext {
  db: Db;
  config: Config;
  log: FastifyBaseLogger;
  mailer: Mailer;
  notifier: Notifier;
  storage: Storage;
  jobs: Jobs;
  sessions: SessionCache;
  /** Redis when configured: counters shared by every instance. */
  redis?: Redis;
  /** The per-user event log: stored live events, written in the change's transaction. */
  eventLog: EventLog;
  /** Stored events after their commit, to the recipients' sockets on every instance. */
  deliver: (deliveries: Delivery[]) => void;
  /** Unstored events (signalling, ringing), straight to the sockets. */
  deliverLive: (userIds: string[], event: LiveEvent) => void;
  /**
   * What features add to each other's work (a contract's "needs attention", a room's door). The
   * lists are filled after every feature's services exist and are read when used, so the feature
   * that reads them never imports the ones that fill them.
   */
  contributions: Contributions;
  /** Clocks and limits that tests set (BuildOptions). */
  testing: FeatureTestOptions;
}

export interface Contributions {
  attention: AttentionSource[];
  doors: Partial<Record<RoomKind, Door>>;
}

export interface FeatureTestOptions {
  messaging?: { now?: () => Date; flood?: { max: number; windowMs: number } };
}

type FrameOf<T extends ClientFrame["type"]> = Extract<ClientFrame, { type: T }>;
/** A feature's side of one socket for the frame types it handles, opened with the socket. */
export type SocketFrames = {
  [T in ClientFrame["type"]]?: (actor: Actor) => {
    frame(frame: FrameOf<T>): Promise<void>;
    close?(): void;
  };
};

/**
 * One domain as the app sees it. `services` builds its services from the context and the services
 * of features listed before it (`deps`, typed by the parameter's annotation); everything else gets
 * all services, once every feature has built its own. The app loops over `FEATURES`
 * (server/features.ts) in order.
 */
export interface Feature<S extends object = object, D = never, R = never> {
  name: string;
  services?: (context: FeatureContext, deps: D) => S;
  /** Plugins under /api/v1; each route declares its access (http/access.ts). */
  routes?: (services: R, context: FeatureContext) => FastifyPluginAsync[];
  /** Plugins at the root, outside /api/v1 (a calendar feed's public address). */
  rootRoutes?: (services: R, context: FeatureContext) => FastifyPluginAsync[];
  /** The mail texts and links of the notice types this feature declares (its notices.ts). */
  notices?: Partial<Notices>;
  /** Declared background work (jobs/define.ts). */
  jobs?: readonly AnyJob[];
  /** What this feature adds to others' work (see Contributions). */
  contribute?: (services: R, context: FeatureContext) => Partial<Contributions>;
  /** The client frames this feature handles on the live socket. */
  frames?: (services: R) => SocketFrames;
}

/** Declares a feature; the types of its services and of what it uses come from its functions. */
export const defineFeature = <S extends object, D = never, R = never>(feature: Feature<S, D, R>) => feature;

/** The services of a list of features, merged (each feature's names are its own). */
export type ServicesOf<F extends readonly Feature<object, never, never>[]> = UnionToIntersection<
  ServicesOfOne<F[number]>
>;
type ServicesOfOne<F> = F extends Feature<infer S, never, never> ? S : never;
type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void
  ? I
  : never;
