import type { Db, Tx } from "../db/client.ts";
import { type Jobs, QUEUES } from "../jobs/boss.ts";
import { mailOutbox } from "./tables.ts";
import type { RenderedMail } from "./templates.ts";

export interface Mailer {
  /** Writes the mail to the outbox and enqueues its delivery, atomically with the caller's transaction. */
  enqueue(mail: RenderedMail & { to: string }, tx?: Tx): Promise<string>;
}

export function createMailer(db: Db, jobs: Jobs): Mailer {
  return {
    async enqueue(mail, tx) {
      const write = async (t: Tx) => {
        const [row] = await t.insert(mailOutbox).values(mail).returning({ id: mailOutbox.id });
        if (!row) throw new Error("outbox insert returned no row");
        await jobs.send(QUEUES.mailDeliver, { id: row.id }, { tx: t });
        return row.id;
      };
      return tx ? write(tx) : db.transaction(write);
    },
  };
}
