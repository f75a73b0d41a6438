import type { Db, Tx } from "../db/client.ts";
import type { Jobs } from "../jobs/boss.ts";
import { mailDrainJob } from "./jobs.ts";
import { type CalendarPart, mailOutbox } from "./tables.ts";
import type { RenderedMail } from "./templates.ts";

/** How long writes are gathered before the relay is woken: a burst of events costs one queue write. */
const NUDGE_DELAY_MS = 50;

export interface Mailer {
  /** Writes the mail to the outbox (inside the caller's transaction when given) and wakes the relay. */
  enqueue(mail: RenderedMail & { to: string; calendar?: CalendarPart }, tx?: Tx): Promise<string>;
  /**
   * Wakes the relay for mails written to the outbox by other means. Coalesced and best effort:
   * a wake-up that comes before the writer's commit, or is lost, leaves the mail to the relay's
   * sweep (jobs.ts), never undelivered.
   */
  nudge(): void;
}

export function createMailer(db: Db, jobs: Jobs, onError: (error: unknown) => void): Mailer {
  let timer: NodeJS.Timeout | undefined;
  const nudge = () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      jobs.send(mailDrainJob, {}).catch(onError);
    }, NUDGE_DELAY_MS).unref();
  };
  return {
    async enqueue(mail, tx) {
      const [row] = await (tx ?? db).insert(mailOutbox).values(mail).returning({ id: mailOutbox.id });
      if (!row) throw new Error("outbox insert returned no row");
      nudge();
      return row.id;
    },
    nudge,
  };
}
