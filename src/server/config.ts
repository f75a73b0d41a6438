import { resolve } from "node:path";
import { z } from "zod";
import { iceServerSchema } from "../features/calls/schema.ts";
import type { S3Settings } from "./storage/s3.ts";

// Every setting comes from the environment. parseConfig reports every bad variable at once,
// so an operator fixes a deployment in one round instead of one variable per restart.
const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  DATA_DIR: z.string().min(1).default("./data"),
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  SMTP_URL: z.url({ protocol: /^smtps?$/ }).optional(),
  MAIL_FROM: z.string().min(3).default("Assista <no-reply@assista.local>"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  TRUST_PROXY: z.union([bool, z.coerce.number().int().min(1)]).default(false),
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** Messages one user may post per minute (per instance) before 429. */
  MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).default(30),
  AUTH_ATTEMPTS_PER_MINUTE: z.coerce.number().int().min(1).default(10),
  SEED_DEMO: bool.optional(),
  CALENDAR_URLS_ALLOW_PRIVATE: bool.default(false),
  INTERVIEW_NOTICE_MINUTES: z.coerce.number().int().min(0).max(1_440).default(30),
  ROOM_OPENS_BEFORE_MINUTES: z.coerce.number().int().min(1).max(1_440).default(10),
  // JSON, e.g. [{"urls":"stun:stun.example.org"},{"urls":"turn:turn.example.org","username":"u","credential":"p"}]
  ICE_SERVERS: z
    .string()
    .default("[]")
    .transform((text, ctx) => {
      try {
        return JSON.parse(text) as unknown;
      } catch {
        ctx.addIssue({ code: "custom", message: "must be JSON" });
        return z.NEVER;
      }
    })
    .pipe(z.array(iceServerSchema)),
  WEB_DIST_DIR: z.string().default("./dist/web"),
  S3_BUCKET: z.string().min(3).optional(),
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  S3_FORCE_PATH_STYLE: bool.default(true),
  /** A bearer token that opens /metrics on the main listener. */
  METRICS_TOKEN: z.string().min(32, "must be at least 32 characters").optional(),
  /** A second listener serving only /metrics, e.g. on an address only the scraper reaches. */
  METRICS_HOST: z.string().min(1).default("127.0.0.1"),
  METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
});

export type Env = z.input<typeof envSchema>;

export interface Config {
  env: "development" | "production" | "test";
  host: string;
  port: number;
  publicUrl: string;
  /** PUBLIC_URL was not set and http://localhost:PORT is assumed (page loads on 127.0.0.1 move there). */
  publicUrlAssumed: boolean;
  /** Cookies get Secure (and the __Host- prefix) only when served over https. */
  secureCookies: boolean;
  dataDir: string;
  databaseUrl: string | undefined;
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  authSecret: string | undefined;
  logLevel: string;
  trustProxy: boolean | number;
  rateLimitPerMinute: number;
  messagesPerMinute: number;
  /** Sign-in, second-factor and sign-up attempts per client address and minute. */
  authAttemptsPerMinute: number;
  seedDemo: boolean;
  /** Lets calendar subscriptions reach loopback and private addresses: for tests on one machine only. */
  calendarUrlsAllowPrivate: boolean;
  /** The least notice an interview time must give. */
  interviewNoticeMinutes: number;
  /** How long before the start the video room lets the two in. */
  roomOpensBeforeMinutes: number;
  /** STUN/TURN servers for the video room, as RTCIceServer objects in JSON. */
  iceServers: z.infer<typeof iceServerSchema>[];
  webDistDir: string;
  /** Object storage for files; local disk under DATA_DIR/files when absent. */
  s3: S3Settings | undefined;
  /** Prometheus metrics: with a token on the main listener, and/or on a listener of their own. */
  metrics: { token: string | undefined; host: string; port: number | undefined };
}

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
    this.problems = problems;
  }
}

export function parseConfig(source: Record<string, string | undefined> = process.env): Config {
  // Empty strings count as unset so that `FOO= npm start` does not trip the validators.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const e = parsed.data;
  const problems: string[] = [];
  if (e.NODE_ENV === "production" && !e.AUTH_SECRET) problems.push("AUTH_SECRET: required in production");
  if (e.NODE_ENV === "production" && !e.PUBLIC_URL) problems.push("PUBLIC_URL: required in production");
  // Without SMTP, mail only reaches the dev viewer, which production does not serve.
  if (e.NODE_ENV === "production" && !e.SMTP_URL) problems.push("SMTP_URL: required in production");
  if (e.S3_BUCKET && (!e.S3_ACCESS_KEY_ID || !e.S3_SECRET_ACCESS_KEY)) {
    problems.push("S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY: required with S3_BUCKET");
  }
  if (problems.length) throw new ConfigError(problems);
  const publicUrl = (e.PUBLIC_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
  return {
    env: e.NODE_ENV,
    host: e.HOST,
    port: e.PORT,
    publicUrl,
    publicUrlAssumed: !e.PUBLIC_URL,
    secureCookies: publicUrl.startsWith("https://"),
    dataDir: resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    authSecret: e.AUTH_SECRET,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY,
    rateLimitPerMinute: e.RATE_LIMIT_PER_MINUTE,
    messagesPerMinute: e.MESSAGES_PER_MINUTE,
    authAttemptsPerMinute: e.AUTH_ATTEMPTS_PER_MINUTE,
    // Demo data is for the embedded mode; a PostgreSQL deployment opts in explicitly.
    seedDemo: e.SEED_DEMO ?? (!e.DATABASE_URL && e.NODE_ENV !== "test"),
    webDistDir: resolve(e.WEB_DIST_DIR),
    calendarUrlsAllowPrivate: e.CALENDAR_URLS_ALLOW_PRIVATE,
    interviewNoticeMinutes: e.INTERVIEW_NOTICE_MINUTES,
    roomOpensBeforeMinutes: e.ROOM_OPENS_BEFORE_MINUTES,
    iceServers: e.ICE_SERVERS,
    s3: e.S3_BUCKET
      ? {
          bucket: e.S3_BUCKET,
          endpoint: e.S3_ENDPOINT,
          region: e.S3_REGION,
          accessKeyId: e.S3_ACCESS_KEY_ID ?? "",
          secretAccessKey: e.S3_SECRET_ACCESS_KEY ?? "",
          forcePathStyle: e.S3_FORCE_PATH_STYLE,
        }
      : undefined,
    metrics: { token: e.METRICS_TOKEN, host: e.METRICS_HOST, port: e.METRICS_PORT },
  };
}
