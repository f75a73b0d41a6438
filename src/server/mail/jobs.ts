import { z } from "zod";
import type { JobContext } from "../jobs/context.ts";
import { defineJob } from "../jobs/define.ts";
import { drainOutbox } from "./worker.ts";

/**
 * A wake-up for the outbox relay, sent by Mailer.nudge, by a failed attempt for its retry, and
 * once a minute by the schedule as a sweep. One waiting job is enough however many mails arrive
 * meanwhile ("short" keeps at most one queued per key; sends beyond it are dropped), and any
 * number may run: the drain claims rows with SKIP LOCKED (decision 0004). A retry's wake-up waits
 * under a key of its own, so a mail written meanwhile is not held back by another's backoff.
 */
export const mailDrainJob = defineJob({
  id: "mail.drain",
  version: 1,
  payload: z.object({ retry: z.boolean().optional() }),
  key: ({ retry }) => (retry ? "retry" : undefined),
  schedule: { cron: "* * * * *" },
  queue: { policy: "short", retryLimit: 3, retryBackoff: true, retryDelay: 2 },
  work: { pollingIntervalSeconds: 0.5 },
  async handler(_payload, { db, transport, config, log, jobs }) {
    const retryIn = await drainOutbox(db, transport, config.mailFrom, log);
    if (retryIn !== undefined) await wakeAfter(jobs, retryIn);
  },
});

async function wakeAfter(jobs: JobContext["jobs"], seconds: number): Promise<void> {
  await jobs.send(mailDrainJob, { retry: true }, { startAfterSeconds: seconds });
}

export const mailJobs = [mailDrainJob];
