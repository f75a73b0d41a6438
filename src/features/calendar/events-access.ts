import { and, eq } from "drizzle-orm";
import type { Db, Tx } from "../../server/db/client.ts";
import { AppError } from "../../server/errors.ts";
import { namesAndZones, userName } from "../accounts/people.ts";
import { type ContractScope, holdScope } from "../contracts/gate.ts";
import type { Notifier } from "../notifications/service.ts";
import type { EventRow } from "./event-rows.ts";
import { contractEvent } from "./tables.ts";

// What every calendar read and write starts with: the gate's scope of the contract (a party, and
// for writes a status that allows them), the event within it, and a write that holds the scope
// and tells the other party in the same transaction.

/** What happened: to the event (all its dates), or to the one date of a series named in `occurrence`. */
type Change = "created" | "updated" | "deleted" | "occurrence_updated" | "occurrence_deleted";

/** The two parties' names and zones, as the calendar shows them. */
export async function partiesOf(db: Tx, scope: ContractScope) {
  const rows = await namesAndZones(db, [scope.clientId, scope.assistantId]);
  const person = (id: string) => rows.get(id) ?? { id, name: "", timeZone: "UTC" };
  return { client: person(scope.clientId), assistant: person(scope.assistantId) };
}

export function calendarAccess(db: Db, notifier: Notifier) {
  async function loadEvent(scope: ContractScope, eventId: string): Promise<EventRow> {
    const [row] = await db
      .select()
      .from(contractEvent)
      .where(and(eq(contractEvent.id, eventId), eq(contractEvent.contractId, scope.contractId)));
    if (!row) throw new AppError("not_found");
    return row;
  }

  /**
   * Runs a change and tells the other party, in one transaction; the bell rings after commit.
   * The contract keeps a status that allows the change until then (a pause or end waits).
   */
  function changeAndNotify<T extends { row: EventRow }>(
    scope: ContractScope,
    change: Change,
    work: (tx: Tx) => Promise<T>,
    occurrence?: { originalStart: number; timeZone: string },
  ) {
    return notifier.transaction(db, async (tx) => {
      await holdScope(tx, scope);
      const done = await work(tx);
      const me = await userName(tx, scope.userId);
      await notifier.notify(tx, [
        {
          userId: scope.otherPartyId,
          type: "calendar.event_changed",
          data: {
            contractId: scope.contractId,
            eventId: done.row.id,
            title: done.row.title,
            change,
            actor: me,
            jobTitle: scope.jobTitle,
            // The date as the series has it, shown in the series' zone by the bell and the mail.
            ...(occurrence
              ? {
                  occurrenceAt: new Date(occurrence.originalStart).toISOString(),
                  timeZone: occurrence.timeZone,
                }
              : {}),
          },
        },
      ]);
      return done;
    });
  }

  return { db, loadEvent, changeAndNotify };
}

export type CalendarAccess = ReturnType<typeof calendarAccess>;
