import { sql } from "drizzle-orm";
import type { FastifyBaseLogger as Logger } from "fastify";
import type { Db } from "../db/client.ts";
import { mailOutbox } from "./tables.ts";
import type { MailTransport } from "./transport.ts";

/** Attempts before a mail is marked failed (about an hour of backing off). */
export const MAIL_ATTEMPTS = 8;
const BATCH = 20;
/** A claimed mail is leased this long: a relay that dies mid-delivery hands it on afterwards. */
const LEASE_SECONDS = 300;
/** 2 s, 4 s, 8 s … up to 30 min between attempts. */
export const retryDelaySeconds = (attempts: number) => Math.min(2 ** attempts, 1800);

type OutboxRow = typeof mailOutbox.$inferSelect;

/** Claims due mails for this relay; SKIP LOCKED lets several instances drain side by side. */
async function claim(db: Db): Promise<OutboxRow[]> {
  const claimed = await db
    .update(mailOutbox)
    .set({
      attempts: sql`${mailOutbox.attempts} + 1`,
      nextAttemptAt: sql`now() + make_interval(secs => ${LEASE_SECONDS})`,
    })
    .where(
      sql`${mailOutbox.id} IN (SELECT ${mailOutbox.id} FROM ${mailOutbox}
        WHERE ${mailOutbox.status} = 'pending' AND ${mailOutbox.nextAttemptAt} <= now()
        ORDER BY ${mailOutbox.nextAttemptAt} LIMIT ${BATCH} FOR UPDATE SKIP LOCKED)`,
    )
    .returning();
  return claimed;
}

/**
 * The outbox relay, run by the `mail.drain` job (jobs.ts): delivers every due mail. A mail is
 * marked sent after the server accepted it: a crash in between means at most one duplicate, never
 * a loss. Answers the soonest retry a failed attempt asked for, in seconds, if any.
 */
export async function drainOutbox(
  db: Db,
  transport: MailTransport,
  from: string,
  log: Logger,
): Promise<number | undefined> {
  let retryIn: number | undefined;
  async function attempt(mail: OutboxRow) {
    try {
      await transport.deliver({ ...mail, from });
      await db
        .update(mailOutbox)
        .set({ status: "sent", sentAt: new Date() })
        .where(sql`${mailOutbox.id} = ${mail.id}`);
    } catch (error) {
      const last = mail.attempts >= MAIL_ATTEMPTS;
      const delay = retryDelaySeconds(mail.attempts);
      await db
        .update(mailOutbox)
        .set({
          lastError: String((error as Error).message).slice(0, 1000),
          nextAttemptAt: sql`now() + make_interval(secs => ${delay})`,
          ...(last ? { status: "failed" } : {}),
        })
        .where(sql`${mailOutbox.id} = ${mail.id}`);
      log.warn({ err: error, mailId: mail.id, attempt: mail.attempts, last }, "mail delivery failed");
      if (!last) retryIn = Math.min(retryIn ?? delay, delay);
    }
  }

  for (let batch = await claim(db); batch.length; batch = await claim(db)) {
    for (const mail of batch) await attempt(mail);
  }
  return retryIn;
}
