import { and, eq, sql } from "drizzle-orm";
import type { FastifyBaseLogger as Logger } from "fastify";
import type { Db } from "../db/client.ts";
import { type Jobs, QUEUES } from "../jobs/boss.ts";
import { mailOutbox } from "./tables.ts";
import type { MailTransport } from "./transport.ts";

const RETRY_LIMIT = 5;

/**
 * Delivers outbox mails. Idempotent per mail: a mail already sent is skipped, so a job retried
 * after a crash between sending and marking does at most one duplicate, never a loss.
 */
export async function startMailWorker(
  db: Db,
  jobs: Jobs,
  transport: MailTransport,
  from: string,
  log: Logger,
) {
  await jobs.boss.work<{ id: string }>(
    QUEUES.mailDeliver,
    // The default worker fetches one job every 2 s; batches keep sign-up bursts flowing.
    { batchSize: 10, burstWhenBatchFull: true, pollingIntervalSeconds: 0.5, includeMetadata: true },
    async (batch) => {
      for (const job of batch) {
        const [mail] = await db
          .select()
          .from(mailOutbox)
          .where(and(eq(mailOutbox.id, job.data.id), eq(mailOutbox.status, "pending")));
        if (!mail) continue;
        try {
          await transport.deliver({ ...mail, from });
          await db
            .update(mailOutbox)
            .set({ status: "sent", sentAt: new Date(), attempts: sql`${mailOutbox.attempts} + 1` })
            .where(eq(mailOutbox.id, mail.id));
        } catch (error) {
          const lastTry = (job.retryCount ?? 0) >= RETRY_LIMIT;
          await db
            .update(mailOutbox)
            .set({
              attempts: sql`${mailOutbox.attempts} + 1`,
              lastError: String((error as Error).message).slice(0, 1000),
              ...(lastTry ? { status: "failed" } : {}),
            })
            .where(eq(mailOutbox.id, mail.id));
          log.warn({ err: error, mailId: mail.id, retry: job.retryCount }, "mail delivery failed");
          throw error;
        }
      }
    },
  );
}
