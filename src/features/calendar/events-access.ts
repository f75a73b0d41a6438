import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Actor } from "../../server/auth/actor.ts";
import type { Db, Tx } from "../../server/db/client.ts";
import { AppError } from "../../server/errors.ts";
import { user } from "../accounts/tables.ts";
import { contract } from "../contracts/tables.ts";
import { job } from "../jobs/tables.ts";
import type { Notifier } from "../notifications/service.ts";
import type { EventRow } from "./event-rows.ts";
import { partyOf } from "./events-policy.ts";
import { contractEvent } from "./tables.ts";

// What every calendar read and write starts with: the contract as the actor's side of it (404 for
// anyone else), the event within it, and a write that tells the other party in the same transaction.

/** What happened: to the event (all its dates), or to the one date of a series named in `occurrence`. */
type Change = "created" | "updated" | "deleted" | "occurrence_updated" | "occurrence_deleted";

const clientUser = alias(user, "client_user");
const assistantUser = alias(user, "assistant_user");

export function calendarAccess(db: Db, notifier: Notifier) {
  /** The contract with both parties' names and zones, and the actor's side of it; 404 for others. */
  async function loadContract(actor: Actor, contractId: string) {
    const [row] = await db
      .select({
        contract,
        jobTitle: job.title,
        client: { id: clientUser.id, name: clientUser.name, timeZone: clientUser.timeZone },
        assistant: { id: assistantUser.id, name: assistantUser.name, timeZone: assistantUser.timeZone },
      })
      .from(contract)
      .innerJoin(job, eq(job.id, contract.jobId))
      .innerJoin(clientUser, eq(clientUser.id, contract.clientId))
      .innerJoin(assistantUser, eq(assistantUser.id, contract.assistantId))
      .where(eq(contract.id, contractId));
    if (!row) throw new AppError("not_found");
    const side = partyOf(actor, row.contract);
    const me = side.role === "client" ? row.client : row.assistant;
    return { ...row, ...side, me };
  }

  async function loadEvent(contractId: string, eventId: string): Promise<EventRow> {
    const [row] = await db
      .select()
      .from(contractEvent)
      .where(and(eq(contractEvent.id, eventId), eq(contractEvent.contractId, contractId)));
    if (!row) throw new AppError("not_found");
    return row;
  }

  type Loaded = Awaited<ReturnType<typeof loadContract>>;

  /** Runs a change and tells the other party, in one transaction; the bell rings after commit. */
  function changeAndNotify<T extends { row: EventRow }>(
    c: Loaded,
    change: Change,
    work: (tx: Tx) => Promise<T>,
    occurrence?: { originalStart: number; timeZone: string },
  ) {
    return notifier.transaction(db, async (tx) => {
      const done = await work(tx);
      await notifier.notify(tx, [
        {
          userId: c.otherId,
          type: "calendar.event_changed",
          data: {
            contractId: c.contract.id,
            eventId: done.row.id,
            title: done.row.title,
            change,
            actor: c.me.name,
            jobTitle: c.jobTitle,
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

  return { db, loadContract, loadEvent, changeAndNotify };
}

export type CalendarAccess = ReturnType<typeof calendarAccess>;
