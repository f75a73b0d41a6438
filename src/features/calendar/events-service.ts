import { and, asc, eq, gt, inArray, isNotNull, lt, or, sql } from "drizzle-orm";
import type { Db } from "../../server/db/client.ts";
import { AppError } from "../../server/errors.ts";
import type { ContractScope } from "../contracts/gate.ts";
import type { Notifier } from "../notifications/service.ts";
import { profileHoursOf } from "../profiles/reads.ts";
import { type EventRow, resolveTimes, seriesOf, toEvent } from "./event-rows.ts";
import { calendarAccess, partiesOf } from "./events-access.ts";
import type {
  CalendarContext,
  ContractEvent,
  CreateEventInput,
  EventList,
  Occurrence,
  UpdateEventInput,
} from "./events-schema.ts";
import { occurrenceWrites } from "./occurrences.ts";
import { overlapWindows, workingHoursOf } from "./overlap.ts";
import { dropStaleOverrides, occurrenceView, overridesOf } from "./overrides.ts";
import { placedIn } from "./series.ts";
import { contractEvent, contractEventOccurrence } from "./tables.ts";

/**
 * Occurrences one list answer may hold. Rules repeat at most daily (rrule-grammar.ts), so this is
 * 25 events repeating every day of the widest window; a real contract has a few per week.
 */
export const MAX_OCCURRENCES = 10_000;

export function createContractEventsService(db: Db, notifier: Notifier) {
  const access = calendarAccess(db, notifier);
  const { loadEvent, changeAndNotify } = access;

  // Every function takes the gate's scope of the contract: "read" for the list and the context,
  // "write:event" for changes (the routes ask the gate for it).

  async function update(
    scope: ContractScope,
    eventId: string,
    input: UpdateEventInput,
  ): Promise<ContractEvent> {
    const { contractId } = scope;
    const current = toEvent(await loadEvent(scope, eventId));
    // Unsent times keep their wall readings: a new zone alone moves the event to the same clock time there.
    const merged = {
      allDay: input.allDay ?? current.allDay,
      start: input.start ?? current.start,
      end: input.end ?? current.end,
      timeZone: input.timeZone ?? current.timeZone,
      rrule: input.rrule === undefined ? current.rrule : input.rrule,
    };
    const times = resolveTimes(merged);
    const { start: _start, end: _end, ...fields } = input;
    const { row } = await changeAndNotify(scope, "updated", async (tx) => {
      const [row] = await tx
        .update(contractEvent)
        .set({
          ...fields,
          ...times,
          allDay: merged.allDay,
          timeZone: merged.timeZone,
          sequence: sql`${contractEvent.sequence} + 1`,
          updatedAt: new Date(),
        })
        .where(and(eq(contractEvent.id, eventId), eq(contractEvent.contractId, contractId)))
        .returning();
      // Deleted by the other party between the read above and this write.
      if (!row) throw new AppError("not_found");
      await dropStaleOverrides(tx, row);
      return { row };
    });
    return toEvent(row);
  }

  async function remove(scope: ContractScope, eventId: string): Promise<void> {
    await changeAndNotify(scope, "deleted", async (tx) => {
      const [row] = await tx
        .delete(contractEvent)
        .where(and(eq(contractEvent.id, eventId), eq(contractEvent.contractId, scope.contractId)))
        .returning();
      if (!row) throw new AppError("not_found");
      return { row };
    });
  }

  return {
    /** The events occurring in [from, to) with each of their occurrences there, recurring ones expanded. */
    async list(scope: ContractScope, window: { from: string; to: string }): Promise<EventList> {
      const { contractId } = scope;
      const from = Date.parse(window.from);
      const to = Date.parse(window.to);
      // Series of this contract with an occurrence moved into the window, wherever they start.
      const movedHere = db
        .select({ id: contractEventOccurrence.eventId })
        .from(contractEventOccurrence)
        .innerJoin(contractEvent, eq(contractEvent.id, contractEventOccurrence.eventId))
        .where(
          and(
            eq(contractEvent.contractId, contractId),
            lt(contractEventOccurrence.startsAt, new Date(to)),
            gt(contractEventOccurrence.endsAt, new Date(from)),
          ),
        );
      const rows = await db
        .select()
        .from(contractEvent)
        .where(
          and(
            eq(contractEvent.contractId, contractId),
            or(lt(contractEvent.startsAt, new Date(to)), inArray(contractEvent.id, movedHere)),
            or(isNotNull(contractEvent.rrule), gt(contractEvent.endsAt, new Date(from))),
          ),
        )
        .orderBy(asc(contractEvent.startsAt), asc(contractEvent.id));
      const overrides = await overridesOf(
        db,
        rows.filter((r) => r.rrule).map((r) => r.id),
      );
      const events: ContractEvent[] = [];
      const occurrences: { at: number; view: Occurrence }[] = [];
      for (const row of rows) {
        const placed = placedIn(seriesOf(row), overrides.get(row.id) ?? [], from, to);
        if (!placed.length) continue;
        events.push(toEvent(row));
        for (const p of placed) occurrences.push({ at: p.start, view: occurrenceView(row.id, p) });
        if (occurrences.length > MAX_OCCURRENCES) {
          throw new AppError("unprocessable", {
            reason: "calendar.too_many_occurrences",
            detail: `More than ${MAX_OCCURRENCES} occurrences in this window; ask for a shorter one.`,
          });
        }
      }
      occurrences.sort((a, b) => a.at - b.at || a.view.endsAt.localeCompare(b.view.endsAt));
      return { events, occurrences: occurrences.map((o) => o.view) };
    },

    async create(scope: ContractScope, input: CreateEventInput): Promise<ContractEvent> {
      const times = resolveTimes(input);
      const { start: _start, end: _end, ...fields } = input;
      const { row } = await changeAndNotify(scope, "created", async (tx) => {
        const [row] = await tx
          .insert(contractEvent)
          .values({ ...fields, ...times, contractId: scope.contractId, createdBy: scope.userId })
          .returning();
        return { row: row as EventRow };
      });
      return toEvent(row);
    },

    /** Changes the fields sent; the times are checked together with the stored ones. SEQUENCE goes up by one. */
    update,
    remove,
    ...occurrenceWrites(access, { update, remove }),

    /**
     * Both parties as the calendar shows them (names, zones, weekly hours) and the overlap of their
     * working hours within [from, to) as instants, for the calendar to highlight.
     */
    async contractOverlap(scope: ContractScope, window: { from: string; to: string }) {
      return contractOverlap(db, scope, window);
    },
  };
}

/** The parties' names, zones and working hours, and the instants in the window when both work. */
async function contractOverlap(
  db: Db,
  scope: ContractScope,
  window: { from: string; to: string },
): Promise<CalendarContext> {
  const [c, profile] = await Promise.all([partiesOf(db, scope), profileHoursOf(db, scope.assistantId)]);
  const parties = {
    // Clients keep no working hours (their profile holds a zone only): an office week is assumed.
    client: { ...c.client, role: "client" as const, hours: workingHoursOf(null, c.client.timeZone) },
    assistant: {
      ...c.assistant,
      role: "assistant" as const,
      hours: workingHoursOf(profile ?? null, c.assistant.timeZone),
    },
  };
  const view = (p: (typeof parties)["client" | "assistant"]) => ({
    userId: p.id,
    name: p.name,
    role: p.role,
    timeZone: p.timeZone,
    workingHours: p.hours,
  });
  const overlap = overlapWindows(
    parties.client.hours,
    parties.assistant.hours,
    Date.parse(window.from),
    Date.parse(window.to),
  );
  return {
    contractId: scope.contractId,
    jobTitle: scope.jobTitle,
    status: scope.status,
    viewer: view(parties[scope.side]),
    other: view(parties[scope.side === "client" ? "assistant" : "client"]),
    overlap: overlap.map(([start, end]) => ({
      startsAt: new Date(start).toISOString(),
      endsAt: new Date(end).toISOString(),
    })),
  };
}

export type ContractEventsService = ReturnType<typeof createContractEventsService>;
