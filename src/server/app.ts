import { join } from "node:path";
import multipart from "@fastify/multipart";
import rateLimit from "@fastify/rate-limit";
import Fastify, { type FastifyInstance, type FastifyServerOptions } from "fastify";
import { serializerCompiler, validatorCompiler } from "fastify-type-provider-zod";
import { Redis } from "ioredis";
import type { Registry } from "prom-client";
import { accountsRoutes } from "../features/accounts/routes.ts";
import { createAccountsService } from "../features/accounts/service.ts";
import { feedRoutes, publicFeedRoute } from "../features/availability/feed-routes.ts";
import { createFeedsService } from "../features/availability/feeds.ts";
import { availabilityRoutes } from "../features/availability/routes.ts";
import { type AvailabilityService, createAvailabilityService } from "../features/availability/service.ts";
import { bidsRoutes } from "../features/bids/routes.ts";
import { createBidsService } from "../features/bids/service.ts";
import { nextEventAttention } from "../features/calendar/attention.ts";
import { contractEventsRoutes } from "../features/calendar/events-routes.ts";
import { createContractEventsService } from "../features/calendar/events-service.ts";
import { createRoomsService, type RoomsService } from "../features/calls/rooms.ts";
import { refOf } from "../features/calls/schema.ts";
import type { LiveEvent } from "../features/common/live-schema.ts";
import {
  type ContractCallService,
  contractDoor,
  createContractCallService,
  pendingCallAttention,
} from "../features/contracts/call.ts";
import { contractCallRoutes } from "../features/contracts/call-routes.ts";
import { type ContractGate, contractGate } from "../features/contracts/gate.ts";
import { createLifecycleService, type LifecycleService } from "../features/contracts/lifecycle.ts";
import { createOverviewService } from "../features/contracts/overview.ts";
import { contractsRoutes } from "../features/contracts/routes.ts";
import { createContractsService } from "../features/contracts/service.ts";
import { workspaceRoutes } from "../features/contracts/workspace-routes.ts";
import { interviewDoor } from "../features/interviews/room.ts";
import { interviewsRoutes } from "../features/interviews/routes.ts";
import { createInterviewsService, type InterviewsService } from "../features/interviews/service.ts";
import { jobsRoutes } from "../features/jobs/routes.ts";
import { createJobsService } from "../features/jobs/service.ts";
import { unreadMessagesAttention } from "../features/messaging/attention.ts";
import { redisFloodStore } from "../features/messaging/flood.ts";
import { messagingRoutes } from "../features/messaging/routes.ts";
import { createMessagingService, type MessagingOptions } from "../features/messaging/service.ts";
import { notificationsRoutes } from "../features/notifications/routes.ts";
import {
  createNotificationsService,
  createNotifier,
  type Notifier,
} from "../features/notifications/service.ts";
import { profilesRoutes } from "../features/profiles/routes.ts";
import { createProfilesService } from "../features/profiles/service.ts";
import { samplesRoutes } from "../features/samples/routes.ts";
import { createSamplesService } from "../features/samples/service.ts";
import { optionalActor, requireActor } from "./auth/actor.ts";
import { type AuthLimits, createAuth } from "./auth/auth.ts";
import { registerAuthRoutes } from "./auth/routes.ts";
import { createSessionCache } from "./auth/session-cache.ts";
import { createSignInThrottle, SIGN_IN_POLICY } from "./auth/sign-in-throttle.ts";
import type { Config } from "./config.ts";
import { connectPostgres, type Database, openPglite } from "./db/client.ts";
import { migrate } from "./db/migrate.ts";
import { AppError } from "./errors.ts";
import { type DeclaredRoute, enforceAccess } from "./http/access.ts";
import { clientErrorHandler, frameworkErrors } from "./http/framework-errors.ts";
import { registerHealth } from "./http/health.ts";
import { registerLoopbackRedirect } from "./http/loopback-redirect.ts";
import { registerLiveChannelMetrics, registerMetrics } from "./http/metrics.ts";
import { registerOpenApi } from "./http/openapi.ts";
import { registerProblemHandling } from "./http/problems.ts";
import { registerSameOrigin } from "./http/same-origin.ts";
import { registerSecurityHeaders } from "./http/security-headers.ts";
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
  messaging?: Pick<MessagingOptions, "now" | "flood">;
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
  app.setSerializerCompiler(serializerCompiler);
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
  const redis = config.redisUrl ? new Redis(config.redisUrl, { lazyConnect: false }) : undefined;
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
  const realtime = await registerRealtime(app, {
    broker,
    allowedOrigins: [new URL(config.publicUrl).origin],
    resolveActor: async (request) => {
      await optional(request);
      return request.actor;
    },
    // A reconnecting client first gets its log after the last event number it saw.
    replay: eventLog.replay,
    // Per socket: its signalling keeps the rooms' answers for its next frames; typing is
    // throttled per user and thread before it reads the thread.
    frames: (actor) => {
      const signalling = services.rooms.signaller(actor);
      return {
        frame: (frame) =>
          frame.type === "typing"
            ? services.messaging.typing(actor, frame.threadId)
            : signalling.signal(refOf(frame), frame.signal),
        close: signalling.close,
      };
    },
  });
  registerLiveChannelMetrics(metrics, {
    stats: realtime.stats,
    connections: () => realtime.hub.sockets().length,
  });
  // New notifications ring the bell live: each recipient's numbered event, after commit.
  const notifier = createNotifier(mailer, config.publicUrl, (notices) => {
    for (const n of notices) {
      broker
        .publish([n.userId], { id: String(n.seq), type: "notification.created", data: {} })
        .catch((error) => app.log.warn({ err: error }, "live delivery failed"));
    }
  });
  const jobsService = createJobsService(database.db, notifier);
  // The S3 client (a large module) is loaded only where S3 is configured.
  const storage = config.s3
    ? (await import("./storage/s3.ts")).s3Storage(config.s3)
    : localStorage(join(config.dataDir, "files"));
  const samples = createSamplesService(database.db, storage);
  const availability = createAvailabilityService(database.db, {
    allowPrivateCalendarUrls: config.calendarUrlsAllowPrivate,
  });
  const interviews = createInterviewsService(database.db, availability, mailer, notifier, {
    publicUrl: config.publicUrl,
    noticeMinutes: config.interviewNoticeMinutes,
    roomOpensBeforeMinutes: config.roomOpensBeforeMinutes,
  });
  const feeds = createFeedsService(database.db, config.publicUrl);
  // Unstored live events (signalling, ringing): straight to the sockets through the broker.
  const deliverLive = (userIds: string[], event: LiveEvent) => {
    broker.publish(userIds, event).catch((error) => app.log.warn({ err: error }, "live delivery failed"));
  };
  // Who is a party to a contract, on which side, and what its status allows: one check for all.
  const gate = contractGate(database.db);
  // One room service, two doors: a confirmed interview around its time, an active contract any time.
  const rooms = createRoomsService(database.db, {
    iceServers: config.iceServers,
    doors: {
      interview: interviewDoor(database.db, { opensBeforeMinutes: config.roomOpensBeforeMinutes }),
      contract: contractDoor(gate),
    },
    deliver: deliverLive,
  });
  const contractCalls = createContractCallService(database.db, notifier, { deliver: deliverLive });
  const contractEvents = createContractEventsService(database.db, notifier);
  const lifecycle = createLifecycleService(database.db, notifier);
  // What needs attention in a contract: each domain adds its source here.
  const overview = createOverviewService(database.db, [
    pendingCallAttention(database.db),
    unreadMessagesAttention(database.db),
    nextEventAttention(contractEvents),
  ]);
  // The same services the routes use, also for the demo seed and scripts (rules apply to them too).
  const services = {
    mailer,
    notifier,
    profiles: createProfilesService(database.db, storage),
    samples,
    jobs: jobsService,
    bids: createBidsService(database.db, jobsService, samples, notifier),
    contracts: createContractsService(database.db, notifier),
    contractGate: gate,
    contractLifecycle: lifecycle,
    availability,
    interviews,
    rooms,
    contractCalls,
    // The contract calendar: either party's change notifies the other (bell live, mail by preference).
    contractEvents,
    // Each message change writes its events to the per-user log in its own transaction, then
    // sends them through the broker to the recipients' sockets on every instance.
    messaging: createMessagingService(database.db, storage, {
      log: eventLog,
      deliver: (deliveries) => {
        for (const d of deliveries) {
          broker
            .publish(d.userIds, d.event)
            .catch((error) => app.log.warn({ err: error }, "live delivery failed"));
        }
      },
      flood: { max: config.messagesPerMinute, windowMs: 60_000 },
      // Behind a load balancer a user's sends land on several instances: count them in one place.
      ...(redis ? { floodStore: redisFloodStore(redis) } : {}),
      ...options.messaging,
    }),
  };
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
      await api.register(accountsRoutes(createAccountsService(database.db, sessions)));
      await api.register(profilesRoutes(services.profiles));
      await api.register(samplesRoutes(samples));
      await api.register(jobsRoutes(jobsService));
      await api.register(bidsRoutes(services.bids));
      await api.register(contractsRoutes(services.contracts));
      await api.register(workspaceRoutes(gate, overview, lifecycle));
      await api.register(contractCallRoutes(rooms, contractCalls, gate));
      await api.register(contractEventsRoutes(contractEvents, gate));
      await api.register(notificationsRoutes(createNotificationsService(database.db)));
      await api.register(messagingRoutes(services.messaging, gate));
      await api.register(availabilityRoutes(availability));
      await api.register(feedRoutes(feeds, gate));
      await api.register(interviewsRoutes(interviews, rooms));
    },
    { prefix: "/api/v1" },
  );
  await app.register(publicFeedRoute(feeds));
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
    services: {
      mailer: Mailer;
      notifier: Notifier;
      profiles: ReturnType<typeof createProfilesService>;
      samples: ReturnType<typeof createSamplesService>;
      jobs: ReturnType<typeof createJobsService>;
      bids: ReturnType<typeof createBidsService>;
      contracts: ReturnType<typeof createContractsService>;
      contractGate: ContractGate;
      contractLifecycle: LifecycleService;
      availability: AvailabilityService;
      interviews: InterviewsService;
      rooms: RoomsService;
      contractCalls: ContractCallService;
      contractEvents: ReturnType<typeof createContractEventsService>;
      messaging: ReturnType<typeof createMessagingService>;
    };
  }
}
