import { join } from "node:path";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { validatorCompiler } from "fastify-type-provider-zod";
import { Redis } from "ioredis";
import type { Registry } from "prom-client";
import { ROOM_KINDS } from "../features/calls/schema.ts";
import type { ClientFrame, LiveEvent } from "../features/common/shared-schema.ts";
import { createNotifier, type Notifier } from "../features/notifications/service.ts";
import { type Actor, optionalActor, requireActor } from "./auth/actor.ts";
import { type AuthLimits, createAuth } from "./auth/auth.ts";
import { registerAuthRoutes } from "./auth/routes.ts";
import { createSessionCache } from "./auth/session-cache.ts";
import { createSignInThrottle, SIGN_IN_POLICY } from "./auth/sign-in-throttle.ts";
import type { Config } from "./config.ts";
import { connectPostgres, type Database, openPglite } from "./db/client.ts";
import { migrate } from "./db/migrate.ts";
import { AppError } from "./errors.ts";
import type { Contributions, FeatureContext, SocketFrames } from "./feature.ts";
import { FEATURES, type FeatureServices, NOTICES, noticesMissing } from "./features.ts";
import { type DeclaredRoute, enforceAccess } from "./http/access.ts";
import { registerCompression } from "./http/compression.ts";
import { clientErrorHandler, frameworkErrors } from "./http/framework-errors.ts";
import { registerHealth } from "./http/health.ts";
import { registerLoopbackRedirect } from "./http/loopback-redirect.ts";
import { registerLiveChannelMetrics, registerMetrics } from "./http/metrics.ts";
import { registerOpenApi } from "./http/openapi.ts";
import { registerProblemHandling } from "./http/problems.ts";
import { registerSameOrigin } from "./http/same-origin.ts";
import { registerSecurityHeaders } from "./http/security-headers.ts";
import { responseSerializer } from "./http/serializer.ts";
import { registerStorableInput } from "./http/storable-input.ts";
import { registerWeb } from "./http/web.ts";
import { startJobs } from "./jobs/boss.ts";
import { APP_JOBS } from "./jobs/registry.ts";
import { createMailer, type Mailer } from "./mail/outbox.ts";
import { createTransport } from "./mail/transport.ts";
import { registerMailViewer } from "./mail/viewer.ts";
import { type Broker, inProcessBroker } from "./realtime/broker.ts";
import { createEventLog } from "./realtime/event-log.ts";
import { redisBroker } from "./realtime/redis-broker.ts";
import { registerRealtime } from "./realtime/socket.ts";
import { authSecret } from "./secret.ts";
import { localStorage } from "./storage/local.ts";

export interface BuildOptions {
  /** An already migrated database (tests); otherwise opened from the config and migrated. */
  database?: Database;
  authLimits?: Partial<AuthLimits>;
  /** Pino logger options; tests pass false. */
  logger?: FastifyServerOptions["logger"];
  /** Messaging's clock and flood limit (tests). */
  messaging?: FeatureContext["testing"]["messaging"];
  /** The per-account sign-in throttle's clock (tests). */
  signInThrottle?: { now?: () => Date };
}

export const BODY_LIMIT = 1024 * 1024;

export async function buildApp(config: Config, options: BuildOptions = {}): Promise<FastifyInstance> {
  const serverOptions: FastifyServerOptions = {
    logger: (options.logger ?? { level: config.logLevel }) as FastifyServerOptions["logger"],
    // A number trusts that many proxy hops; Fastify accepts it though its types omit it.
    trustProxy: config.trustProxy as boolean,
    bodyLimit: BODY_LIMIT,
    // Ids in logs tie a problem report to its request.
    requestIdHeader: false,
    return503OnClosing: true,
    forceCloseConnections: "idle",
    // Refusals before routing (bad URL, long parameter, oversized headers) as problem+json too.
    frameworkErrors,
    clientErrorHandler,
  };
  const app = Fastify(serverOptions);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializer(config.env === "test"));
  // JSON only: anything else is a 415, never a silently ignored body.
  app.removeContentTypeParser(["text/plain"]);
  const setFallback = registerProblemHandling(app);
  registerStorableInput(app);

  const database = options.database ?? (await openDatabase(config));
  const ownsDatabase = !options.database;
  app.addHook("onClose", async () => {
    if (ownsDatabase) await database.close();
  });
  if (ownsDatabase) await migrate(database);

  const jobs = await startJobs(database, app.log);
  const transport = createTransport(config);
  app.addHook("onClose", async () => {
    await jobs.stop();
    transport.close();
  });
  const mailer = createMailer(database.db, jobs, (error) =>
    app.log.warn({ err: error }, "mail relay wake-up failed"),
  );

  const sessions = createSessionCache();
  const signInThrottle = createSignInThrottle(database.db, SIGN_IN_POLICY, options.signInThrottle?.now);
  const auth = createAuth(
    config,
    database.db,
    mailer,
    authSecret(config),
    {
      signInPerMinute: config.authAttemptsPerMinute,
      signUpPerMinute: config.authAttemptsPerMinute,
      ...options.authLimits,
    },
    app.log,
    sessions,
    signInThrottle,
  );
  const authenticate = requireActor(auth, sessions);
  const optional = optionalActor(auth, sessions);
  // Before any route: each declares its access, and gets its session check from the declaration.
  const routeTable = enforceAccess(app, { authenticate, optional });

  registerSecurityHeaders(app, { hsts: config.secureCookies });
  if (config.publicUrlAssumed) registerLoopbackRedirect(app, config.publicUrl);
  // Every route, /api/auth/* included: Better Auth's own origin check stays behind it.
  registerSameOrigin(app, config.publicUrl);
  await registerCompression(app);
  // Every API request counts its rate limit here and every message its flood window: commands
  // issued in the same tick (concurrent requests) go out as one write, not a system call each.
  const redis = config.redisUrl
    ? new Redis(config.redisUrl, { lazyConnect: false, enableAutoPipelining: true })
    : undefined;
  if (redis) app.addHook("onClose", async () => void redis.disconnect());
  await app.register(rateLimit, {
    global: true,
    max: config.rateLimitPerMinute,
    timeWindow: 60_000,
    keyGenerator: (request) => request.ip,
    // The limit protects the API; the web app's static files are cheap and would eat the budget.
    allowList: (request) => !request.url.startsWith("/api/") && !request.url.startsWith("/dev/"),
    ...(redis ? { redis } : {}),
    errorResponseBuilder: (_request, context) => {
      const error = new AppError("rate_limited", {
        detail: `Too many requests; try again in ${Math.ceil(context.ttl / 1000)} s.`,
        headers: { "retry-after": String(Math.ceil(context.ttl / 1000)) },
      });
      return error;
    },
  });

  const metrics = registerMetrics(app, config.metrics.token);
  await registerOpenApi(app, config.publicUrl);
  registerHealth(app, database.db);
  registerAuthRoutes(app, auth, { publicUrl: config.publicUrl, throttle: signInThrottle });
  // Live events: one broker per instance (Redis pub/sub between instances when configured).
  const broker = config.redisUrl
    ? await redisBroker(config.redisUrl, (error) => app.log.warn({ err: error }, "realtime broker error"))
    : inProcessBroker();
  app.addHook("onClose", () => broker.close());
  const eventLog = createEventLog(database.db);
  // Each feature's part of a signed-in socket, by the frame type it handles.
  const socketFrames: SocketFrames[] = [];
  const realtime = await registerRealtime(app, {
    broker,
    allowedOrigins: [new URL(config.publicUrl).origin],
    resolveActor: async (request) => {
      await optional(request);
      return request.actor;
    },
    // A reconnecting client first gets its log after the last event number it saw.
    replay: eventLog.replay,
    frames: (actor) => socketPart(socketFrames, actor),
  });
  registerLiveChannelMetrics(metrics, {
    stats: realtime.stats,
    connections: () => realtime.hub.sockets().length,
  });
  const warnDelivery = (error: unknown) => app.log.warn({ err: error }, "live delivery failed");
  // New notifications ring the bell live: each recipient's numbered event, after commit.
  const textless = noticesMissing();
  if (textless.length) throw new Error(`no feature gives mail texts for the notices ${textless.join(", ")}`);
  const notifier = createNotifier(mailer, config.publicUrl, NOTICES, (notices) => {
    for (const n of notices) {
      broker
        .publish([n.userId], { id: String(n.seq), type: "notification.created", data: {} })
        .catch(warnDelivery);
    }
  });
  // The S3 client (a large module) is loaded only where S3 is configured.
  const storage = config.s3
    ? (await import("./storage/s3.ts")).s3Storage(config.s3)
    : localStorage(join(config.dataDir, "files"));
  const contributions: Contributions = { attention: [], doors: {} };
  const context: FeatureContext = {
    db: database.db,
    config,
    log: app.log,
    mailer,
    notifier,
    storage,
    jobs,
    sessions,
    ...(redis ? { redis } : {}),
    eventLog,
    deliver: (deliveries) => {
      for (const d of deliveries) broker.publish(d.userIds, d.event).catch(warnDelivery);
    },
    // Unstored live events (signalling, ringing): straight to the sockets through the broker.
    deliverLive: (userIds: string[], event: LiveEvent) => {
      broker.publish(userIds, event).catch(warnDelivery);
    },
    contributions,
    testing: { ...(options.messaging ? { messaging: options.messaging } : {}) },
  };
  // Each feature's services, in the registry's order (a feature uses those built before it); the
  // same services the routes use serve the demo seed, jobs and scripts (rules apply to them too).
  const built: Record<string, unknown> = { mailer, notifier };
  for (const feature of FEATURES) Object.assign(built, feature.services?.(context, built as never));
  const services = built as AppServices;
  for (const feature of FEATURES) {
    const added = feature.contribute?.(services as never, context);
    contributions.attention.push(...(added?.attention ?? []));
    Object.assign(contributions.doors, added?.doors);
    if (feature.frames) socketFrames.push(feature.frames(services as never));
  }
  const doorless = ROOM_KINDS.filter((kind) => !contributions.doors[kind]);
  if (doorless.length) throw new Error(`no feature contributes a door for ${doorless.join(", ")} rooms`);
  // Every declared job: queues, this server's workers and the schedules, with what handlers use.
  await jobs.run(APP_JOBS, {
    db: database.db,
    log: app.log,
    config,
    jobs,
    services,
    transport,
    signInThrottle,
  });
  await app.register(
    async (api) => {
      // Uploads (work samples, photos) read one file part each, with per-route size limits.
      await api.register(multipart, { limits: { files: 1 } });
      for (const feature of FEATURES) {
        for (const plugin of feature.routes?.(services as never, context) ?? []) await api.register(plugin);
      }
    },
    { prefix: "/api/v1" },
  );
  for (const feature of FEATURES) {
    for (const plugin of feature.rootRoutes?.(services as never, context) ?? []) await app.register(plugin);
  }
  if (config.env !== "production") registerMailViewer(app, database.db);
  setFallback(await registerWeb(app, config.webDistDir));

  app.decorate("database", { getter: () => database });
  app.decorate("auth", { getter: () => auth });
  app.decorate("services", { getter: () => services });
  app.decorate("realtime", { getter: () => ({ broker, ...realtime }) });
  app.decorate("metrics", { getter: () => metrics });
  app.decorate("routeTable", { getter: () => routeTable });
  return app;
}

function openDatabase(config: Config): Promise<Database> {
  return config.databaseUrl
    ? Promise.resolve(connectPostgres(config.databaseUrl))
    : openPglite(config.dataDir);
}

declare module "fastify" {
  interface FastifyInstance {
    database: Database;
    auth: ReturnType<typeof createAuth>;
    realtime: { broker: Broker } & Awaited<ReturnType<typeof registerRealtime>>;
    metrics: Registry;
    /** Every route with its access declaration, as registered (the authorization matrix walks it). */
    routeTable: DeclaredRoute[];
    services: AppServices;
  }
}

/** What the app's services are: the mailer and notifier every feature uses, and each feature's own. */
export type AppServices = { mailer: Mailer; notifier: Notifier } & FeatureServices;

/** One socket's side of every feature: each frame goes to the feature that handles its type. */
function socketPart(all: SocketFrames[], actor: Actor) {
  const parts = new Map<string, { frame(frame: never): Promise<void>; close?(): void }>();
  for (const frames of all) {
    for (const [type, open] of Object.entries(frames)) if (open) parts.set(type, open(actor));
  }
  return {
    frame: (frame: ClientFrame) => {
      const part = parts.get(frame.type);
      return part ? part.frame(frame as never) : Promise.resolve();
    },
    close: () => {
      for (const part of parts.values()) part.close?.();
    },
  };
}
