import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../server/db/client.ts";
import { AppError } from "../../server/errors.ts";
import type { ContractScope } from "../contracts/gate.ts";
import { type EventRow, instantOf, resolveTimes, seriesOf, toEvent, wallOf } from "./event-rows.ts";
import type { CalendarAccess } from "./events-access.ts";
import { invalidFields } from "./events-policy.ts";
import { type ContractEvent, eventTimeProblems, type UpdateEventInput } from "./events-schema.ts";
import type { OccurrenceChange, OccurrenceScope } from "./occurrences-schema.ts";
import { asOverride, dropStaleOverrides, moveOverrides, occurrenceView, settleOneOff } from "./overrides.ts";
import { storedRule } from "./recurrence.ts";
import { occurrenceAt, placedIn, ruleBefore, ruleFrom } from "./series.ts";
import { contractEvent, contractEventOccurrence } from "./tables.ts";

// "This event" and "this and following events" of a recurring event (decision 0011). The whole
// series ("all events") is the event's own PATCH and DELETE, which these fall back to when the
// occurrence is the series' first.

/** Which occurrence (by the start its series gives it), of which event, and whether those after it too. */
export interface OccurrenceRef {
  eventId: string;
  originalStart: string;
  scope: OccurrenceScope;
}

interface WholeEvent {
  update(scope: ContractScope, eventId: string, input: UpdateEventInput): Promise<ContractEvent>;
  remove(scope: ContractScope, eventId: string): Promise<void>;
}

const notAnOccurrence = () =>
  new AppError("unprocessable", {
    reason: "calendar.not_an_occurrence",
    detail: "The event does not repeat at this start; reload the calendar and pick the occurrence again.",
  });

/** Whether a sent series-only field (all-day, repeat rule) differs from the series'. */
function changesSeries(input: UpdateEventInput, row: EventRow): boolean {
  if (input.allDay !== undefined && input.allDay !== row.allDay) return true;
  if (input.rrule === undefined) return false;
  return input.rrule === null || storedRule(input.rrule, row) !== row.rrule;
}

async function overrideAt(tx: Tx, eventId: string, original: number) {
  const [row] = await tx
    .select()
    .from(contractEventOccurrence)
    .where(
      and(
        eq(contractEventOccurrence.eventId, eventId),
        eq(contractEventOccurrence.originalStartsAt, new Date(original)),
      ),
    );
  return row;
}

/** One more SEQUENCE for the series, so calendar apps take the changed occurrence too. */
// The series and its override are read before the write's transaction. The write only lands on
// the series as it was read (same sequence): had the other party split, moved or deleted it in
// between, what was decided would no longer fit, so the whole write is refused and rolled back.
async function bump(tx: Tx, row: EventRow, set: Partial<EventRow> = {}): Promise<EventRow> {
  const [next] = await tx
    .update(contractEvent)
    .set({ ...set, sequence: sql`${contractEvent.sequence} + 1`, updatedAt: new Date() })
    .where(and(eq(contractEvent.id, row.id), eq(contractEvent.sequence, row.sequence)))
    .returning();
  if (!next)
    throw new AppError("conflict", {
      reason: "calendar.changed_meanwhile",
      detail: "The series changed in the meantime; reload the calendar and try again.",
    });
  return next;
}

/** The first occurrence of a series as the list shows it. */
function firstOccurrence(row: EventRow) {
  const series = seriesOf(row);
  const [first] = placedIn(series, [], series.startsAt, series.endsAt);
  return occurrenceView(row.id, first ?? { start: series.startsAt, end: series.endsAt, original: null });
}

export function occurrenceWrites(access: CalendarAccess, whole: WholeEvent) {
  const { db, loadEvent, changeAndNotify } = access;

  /** The series within the scope's contract, and the occurrence's original start, checked to be one. */
  async function target(c: ContractScope, { eventId, originalStart }: OccurrenceRef) {
    const row = await loadEvent(c, eventId);
    const original = Date.parse(originalStart);
    // Its end as the series gives it: an all-day one on the day clocks change lasts 23 or 25 hours.
    const originalEnd = occurrenceAt(seriesOf(row), original)?.end;
    if (originalEnd === undefined) throw notAnOccurrence();
    const existing = await overrideAt(db, row.id, original);
    // Deleted already, like an event deleted by the other party.
    if (existing?.cancelled) throw new AppError("not_found");
    return { c, row, original, originalEnd, existing, first: original === row.startsAt.getTime() };
  }

  /** This occurrence alone: its own fields where they differ from the series', its own times. */
  async function changeOne(t: Awaited<ReturnType<typeof target>>, input: UpdateEventInput) {
    const { row, original, originalEnd, existing } = t;
    if (changesSeries(input, row)) {
      const field = input.rrule !== undefined ? "rrule" : "allDay";
      throw invalidFields([{ field, code: "series_only" }]);
    }
    const zone = input.timeZone ?? row.timeZone;
    const currentStart = existing?.startsAt ?? new Date(original);
    const currentEnd = existing?.endsAt ?? new Date(originalEnd);
    const times = {
      allDay: row.allDay,
      start: input.start ?? wallOf(currentStart, zone, row.allDay),
      end: input.end ?? wallOf(currentEnd, zone, row.allDay),
    };
    const problems = eventTimeProblems(times);
    if (problems.length) throw invalidFields(problems);
    const start = instantOf(times.start, zone);
    const end = instantOf(times.end, zone);
    if (end <= start) throw invalidFields([{ field: "end", code: "end_before_start" }]);
    const moved = start !== original || end !== originalEnd;
    // Only what differs from the series is kept, so later changes to the series still reach the rest.
    const own = <K extends "title" | "location" | "notes">(key: K) => {
      const value = input[key] ?? existing?.[key] ?? null;
      return value === row[key] ? null : value;
    };
    const url = input.url === undefined ? (existing?.url ?? null) : (input.url ?? "");
    const values = {
      cancelled: false,
      startsAt: moved ? new Date(start) : null,
      endsAt: moved ? new Date(end) : null,
      title: own("title"),
      location: own("location"),
      notes: own("notes"),
      url: url === (row.url ?? "") ? null : url,
      updatedAt: new Date(),
    };
    const { row: next, override } = await changeAndNotify(
      t.c,
      "occurrence_updated",
      async (tx) => {
        const [override] = await tx
          .insert(contractEventOccurrence)
          .values({ ...values, eventId: row.id, originalStartsAt: new Date(original) })
          .onConflictDoUpdate({
            target: [contractEventOccurrence.eventId, contractEventOccurrence.originalStartsAt],
            set: values,
          })
          .returning();
        if (!override) throw new Error("upsert returned no row");
        return { row: await bump(tx, row), override };
      },
      { originalStart: original, timeZone: row.timeZone },
    );
    const placed = { start, end, original, override: asOverride(override) };
    return { event: toEvent(next), occurrence: occurrenceView(row.id, placed) };
  }

  /** This and following: the series ends before the occurrence, a new one starts there. */
  async function split(t: Awaited<ReturnType<typeof target>>, input: UpdateEventInput) {
    const { row, original, originalEnd, existing } = t;
    const series = { ...seriesOf(row), rrule: row.rrule as string };
    const current = toEvent(row);
    const merged = {
      allDay: input.allDay ?? row.allDay,
      timeZone: input.timeZone ?? row.timeZone,
      start: input.start,
      end: input.end,
    };
    merged.start ??= wallOf(existing?.startsAt ?? new Date(original), merged.timeZone, merged.allDay);
    merged.end ??= wallOf(existing?.endsAt ?? new Date(originalEnd), merged.timeZone, merged.allDay);
    // The series' own rule, sent back unchanged, carries on with what is left of it.
    const keepsRule = input.rrule === undefined || !changesSeries({ rrule: input.rrule }, row);
    let rrule = keepsRule ? row.rrule : (input.rrule ?? null);
    if (keepsRule) {
      const probe = resolveTimes({ ...merged, start: merged.start, end: merged.end, rrule: null });
      rrule = ruleFrom(series, original, {
        ...merged,
        startsAt: probe.startsAt.getTime(),
        endsAt: probe.endsAt.getTime(),
        rrule: null,
      });
    }
    const times = resolveTimes({ ...merged, start: merged.start, end: merged.end, rrule });
    const { start: _s, end: _e, ...fields } = input;
    const { row: next } = await changeAndNotify(t.c, "updated", async (tx) => {
      const cut = await bump(tx, row, { rrule: ruleBefore(series, original) });
      const [next] = await tx
        .insert(contractEvent)
        .values({
          ...fields,
          ...times,
          title: input.title ?? current.title,
          location: input.location ?? current.location,
          url: input.url === undefined ? current.url : input.url,
          notes: input.notes ?? current.notes,
          allDay: merged.allDay,
          timeZone: merged.timeZone,
          contractId: row.contractId,
          createdBy: row.createdBy,
        })
        .returning();
      if (!next) throw new Error("insert returned no row");
      await moveOverrides(tx, original, cut, next);
      if (cut.rrule === null) await settleOneOff(tx, cut);
      return { row: next };
    });
    return { event: toEvent(next), occurrence: firstOccurrence(next) };
  }

  return {
    /** Changes one occurrence, or it and all that follow; the other party is notified. */
    async changeOccurrence(
      contract: ContractScope,
      ref: OccurrenceRef,
      input: UpdateEventInput,
    ): Promise<OccurrenceChange> {
      const t = await target(contract, ref);
      if (ref.scope === "this") return changeOne(t, input);
      if (!t.first) return split(t, input);
      const event = await whole.update(contract, ref.eventId, input);
      return { event, occurrence: firstOccurrence(await loadEvent(contract, event.id)) };
    },

    /** Deletes one occurrence (an EXDATE), or cuts the series before it. */
    async deleteOccurrence(contract: ContractScope, ref: OccurrenceRef): Promise<void> {
      const { scope } = ref;
      const t = await target(contract, ref);
      if (scope === "following" && t.first) return whole.remove(contract, ref.eventId);
      const { row, original } = t;
      if (scope === "following") {
        // The series itself changes (it ends earlier): told as a change of the appointment.
        await changeAndNotify(t.c, "updated", async (tx) => {
          const cut = await bump(tx, row, {
            rrule: ruleBefore({ ...seriesOf(row), rrule: row.rrule as string }, original),
          });
          await dropStaleOverrides(tx, cut, original);
          if (cut.rrule === null) return { row: (await settleOneOff(tx, cut)) ?? cut };
          return { row: cut };
        });
        return;
      }
      // One date of the series is gone: the notice names it.
      await changeAndNotify(
        t.c,
        "occurrence_deleted",
        async (tx) => {
          const cancelled = {
            cancelled: true,
            startsAt: null,
            endsAt: null,
            title: null,
            location: null,
            url: null,
            notes: null,
            updatedAt: new Date(),
          };
          await tx
            .insert(contractEventOccurrence)
            .values({ ...cancelled, eventId: row.id, originalStartsAt: new Date(original) })
            .onConflictDoUpdate({
              target: [contractEventOccurrence.eventId, contractEventOccurrence.originalStartsAt],
              set: cancelled,
            });
          return { row: await bump(tx, row) };
        },
        { originalStart: original, timeZone: row.timeZone },
      );
    },
  };
}
