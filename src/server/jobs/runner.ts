import type { FastifyBaseLogger as Logger } from "fastify";
import type { JobResult, PgBoss, Queue } from "pg-boss";
import type { z } from "zod";
import { type JobDefinition, open, type QueueSettings, seal } from "./define.ts";

/**
 * Makes the declarations true on the database and in this process: each job's queue exists with
 * its declared settings, this server works it, and its schedule is the declared one (or none).
 * Every server runs this at start; queues and schedules are shared, so the last to start wins,
 * which is the same declaration during anything but a rolling deploy.
 */
export async function runJobs<C>(
  boss: PgBoss,
  definitions: readonly JobDefinition<z.ZodType, C>[],
  context: C,
  log: Logger,
): Promise<void> {
  const ids = definitions.map((d) => d.id);
  const twice = ids.find((id, i) => ids.indexOf(id) !== i);
  if (twice) throw new Error(`job ${twice} is declared twice`);
  const queues = new Map((await boss.getQueues(ids)).map((q) => [q.name, q]));
  const scheduled = new Set((await boss.getSchedules()).map((s) => s.name));
  for (const definition of definitions) {
    await settleQueue(boss, definition.id, definition.queue ?? {}, queues.get(definition.id));
    await boss.work(
      definition.id,
      { ...definition.work, batchSize: 1, perJobResults: true },
      async (jobs): Promise<JobResult[]> => {
        const results: JobResult[] = [];
        for (const job of jobs) results.push(await runOne(definition, job, context, log));
        return results;
      },
    );
    const { schedule } = definition;
    if (schedule) {
      const { envelope } = seal(definition, schedule.payload ?? {});
      await boss.schedule(definition.id, schedule.cron, envelope, schedule.tz ? { tz: schedule.tz } : {});
    } else if (scheduled.has(definition.id)) {
      await boss.unschedule(definition.id);
    }
  }
}

async function runOne<C>(
  definition: JobDefinition<z.ZodType, C>,
  job: { id: string; data: unknown; retryCount: number; signal: AbortSignal },
  context: C,
  log: Logger,
): Promise<JobResult> {
  const opened = open(definition, job.data);
  if (!opened.ok) {
    const facts = {
      job: definition.id,
      jobId: job.id,
      version: opened.version,
      expected: definition.version,
    };
    const output = { refused: opened.reason, version: opened.version };
    if (opened.retry) {
      log.warn(facts, `job ${definition.id}: payload ${opened.reason}; left for a newer server`);
      return { id: job.id, status: "failed", output };
    }
    // Failed for good, skipping retries; the payload stays on the failed job for inspection.
    log.error(facts, `job ${definition.id}: payload ${opened.reason}; not run, failed without retry`);
    return { id: job.id, status: "deadletter", output };
  }
  try {
    await definition.handler(opened.payload, context, job);
  } catch (error) {
    log.warn({ err: error, job: definition.id, jobId: job.id, attempt: job.retryCount }, "job failed");
    throw error;
  }
  return { id: job.id, status: "completed" };
}

async function settleQueue(boss: PgBoss, id: string, declared: QueueSettings, existing: Queue | undefined) {
  if (!existing) return boss.createQueue(id, declared);
  const { policy, ...settings } = declared;
  if ((policy ?? "standard") !== existing.policy) {
    throw new Error(
      `job ${id}: its queue has policy "${existing.policy}", declared "${policy ?? "standard"}"; ` +
        "a policy cannot change, so declare the job under a new id",
    );
  }
  const changed = Object.entries(settings).some(([k, v]) => existing[k as keyof Queue] !== v);
  if (changed) await boss.updateQueue(id, settings);
}
