import { and, eq, gt, isNull, lte, ne, or, sql } from "drizzle-orm";
import type { Db } from "../../server/db/client.ts";
import type { InterviewMailKind } from "./mails.ts";
import type { InterviewsService } from "./service.ts";
import { interview } from "./tables.ts";

const MINUTE = 60_000;

const REMINDERS: {
  kind: InterviewMailKind;
  before: number;
  column: "dayReminderSequence" | "soonReminderSequence";
}[] = [
  { kind: "reminder_day", before: 24 * 60 * MINUTE, column: "dayReminderSequence" },
  { kind: "reminder_soon", before: 15 * MINUTE, column: "soonReminderSequence" },
];

/**
 * Mails both participants 24 hours and 15 minutes before each confirmed interview. A sweep, not a
 * job per reminder: moving or cancelling needs no unscheduling, a missed minute is caught by the
 * next, and each reminder is marked with the interview's `sequence` in the same transaction as its
 * mail, so it goes out once per time the interview is at (a move makes both due again).
 */
export async function sendDueReminders(
  db: Db,
  interviews: Pick<InterviewsService, "mail">,
  now = new Date(),
) {
  let sent = 0;
  for (const r of REMINDERS) {
    const column = interview[r.column];
    const due = await db
      .select()
      .from(interview)
      .where(
        and(
          eq(interview.status, "confirmed"),
          gt(interview.startsAt, now),
          lte(interview.startsAt, new Date(now.getTime() + r.before)),
          or(isNull(column), ne(column, interview.sequence)),
        ),
      )
      .limit(500);
    for (const row of due) {
      await db.transaction(async (tx) => {
        const [claimed] = await tx
          .update(interview)
          .set({ [r.column]: row.sequence })
          .where(
            and(
              eq(interview.id, row.id),
              eq(interview.sequence, row.sequence),
              sql`${column} IS DISTINCT FROM ${row.sequence}`,
            ),
          )
          .returning();
        // Another instance's sweep took it, or it changed meanwhile: the next run decides again.
        if (claimed) {
          await interviews.mail(tx, claimed, r.kind);
          sent += 1;
        }
      });
    }
  }
  return sent;
}
