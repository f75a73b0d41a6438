import type { Queue, WorkOptions } from "pg-boss";
import { z } from "zod";
import type { JobContext } from "./context.ts";

/** What a job's queue keeps and how it retries; the defaults are pg-boss's. */
export type QueueSettings = Pick<
  Queue,
  "policy" | "retryLimit" | "retryDelay" | "retryBackoff" | "retryDelayMax" | "expireInSeconds" | "deadLetter"
>;

/** How this server's worker fetches the job. */
export type WorkSettings = Pick<WorkOptions, "pollingIntervalSeconds" | "localConcurrency">;

/** The attempt a handler is running: an abort signal fires when the server stops. */
export interface JobRun {
  id: string;
  retryCount: number;
  signal: AbortSignal;
}

export interface JobDefinition<S extends z.ZodType = z.ZodType, C = JobContext> {
  /** The queue's name, stable for the job's life (schedules and waiting jobs are filed under it). */
  id: string;
  /**
   * Raised when the payload changes shape. It is stored with each payload: a waiting job of an
   * older version is not given to the new handler but failed at once with a log line, and one of a
   * newer version (sent by a newer server during a rolling deploy) is retried for a server that
   * knows it.
   */
  version: number;
  /** JSON-shaped: what is sent is checked as it will be read back (dates as ISO strings). */
  payload: S;
  /**
   * A cron expression (UTC unless `tz`). pg-boss sends one job per occurrence for the whole
   * cluster, however many servers declare the schedule; the handler must still be idempotent,
   * since a job can run twice (a retry after a crash or an expiry).
   */
  schedule?: { cron: string; tz?: string; payload?: z.input<S> };
  queue?: QueueSettings;
  work?: WorkSettings;
  /**
   * A key per payload for deduplication: with the `singleton`, `stately` or `short` policy, jobs
   * of the same key (undefined is a key too) are collapsed as that policy says.
   */
  key?(payload: z.output<S>): string | undefined;
  handler(payload: z.output<S>, context: C, run: JobRun): Promise<unknown>;
}

/**
 * A job of any payload, as lists hold them. Feature modules list their jobs with this type so the
 * app's service types (which handlers read) never depend on the jobs' own inferred types.
 */
// biome-ignore lint/suspicious/noExplicitAny: a list holds jobs of every payload type.
export type AnyJob = JobDefinition<any>;

/** Declares a job; the handler is typed by the payload schema, `jobs.send` accepts only its input. */
export function defineJob<S extends z.ZodType, C = JobContext>(
  definition: JobDefinition<S, C>,
): JobDefinition<S, C> {
  if (!Number.isInteger(definition.version) || definition.version < 1) {
    throw new Error(`job ${definition.id}: version must be a positive integer`);
  }
  return definition;
}

const NO_PAYLOAD = z.object({});

/**
 * A scheduled sweep: no payload, at most one waiting ("short"), and a handler that finds its own
 * work and claims each piece in its own transaction, so a rerun or an overlapping run does nothing
 * twice.
 */
export function defineSweep<C = JobContext>(sweep: {
  id: string;
  /** Cron, UTC. */
  cron: string;
  retryLimit: number;
  handler(context: C): Promise<unknown>;
}): JobDefinition<typeof NO_PAYLOAD, C> {
  return defineJob({
    id: sweep.id,
    version: 1,
    payload: NO_PAYLOAD,
    schedule: { cron: sweep.cron },
    queue: { policy: "short", retryLimit: sweep.retryLimit },
    handler: (_payload, context: C) => sweep.handler(context),
  });
}

/** A payload refused when it is sent: a programming error, so it names the job and each issue. */
export class JobPayloadError extends Error {
  constructor(id: string, version: number, error: z.ZodError) {
    super(`job ${id} v${version}: payload refused\n${z.prettifyError(error)}`);
    this.name = "JobPayloadError";
  }
}

/** What pg-boss stores: the payload beside the version it was written for. */
const envelope = z.object({ version: z.number().int(), payload: z.unknown() });
export type Envelope = z.infer<typeof envelope>;

/**
 * Validates a payload for sending. It is checked in its JSON form, the form the worker reads, so a
 * value that does not survive the round trip (a Date, undefined in an array) is refused here.
 */
export function seal<S extends z.ZodType>(
  definition: JobDefinition<S, never>,
  payload: z.input<S>,
): { envelope: Envelope; parsed: z.output<S> } {
  const json: unknown = JSON.parse(JSON.stringify(payload ?? null));
  const result = definition.payload.safeParse(json);
  if (!result.success) throw new JobPayloadError(definition.id, definition.version, result.error);
  return { envelope: { version: definition.version, payload: json }, parsed: result.data };
}

export type Opened<T> =
  | { ok: true; payload: T }
  | { ok: false; retry: boolean; version: number | null; reason: string };

/** Reads a stored job back: its payload parsed, or why this handler must not run it. */
export function open<S extends z.ZodType>(
  definition: JobDefinition<S, never>,
  data: unknown,
): Opened<z.output<S>> {
  const stored = envelope.safeParse(data);
  if (!stored.success) {
    return { ok: false, retry: false, version: null, reason: "stored without a version" };
  }
  const { version, payload } = stored.data;
  if (version > definition.version) {
    return { ok: false, retry: true, version, reason: `newer than this server's v${definition.version}` };
  }
  if (version < definition.version) {
    return { ok: false, retry: false, version, reason: `older than the handler's v${definition.version}` };
  }
  const parsed = definition.payload.safeParse(payload);
  if (!parsed.success) {
    return { ok: false, retry: false, version, reason: `does not parse: ${z.prettifyError(parsed.error)}` };
  }
  return { ok: true, payload: parsed.data };
}
