import { instantToWall, wallToInstant } from "../common/wall-clock.ts";
import { invalidFields } from "./events-policy.ts";
import { type ContractEvent, type EventTimes, eventTimeProblems, wallParts } from "./events-schema.ts";
import { ruleProblem, type Series, storedRule } from "./recurrence.ts";
import type { contractEvent } from "./tables.ts";

// A stored event as the API shows it, and the API's wall readings as the instants stored: shared
// by the whole-event writes (events-service.ts) and the single-occurrence ones (occurrences.ts).

export type EventRow = typeof contractEvent.$inferSelect;

/** A wall reading ("2027-01-11T09:00" or "2027-01-11") as the instant it names in the zone. */
export function instantOf(value: string, timeZone: string): number {
  const p = wallParts(value);
  if (!p) throw new RangeError(`not a wall-clock reading: ${value}`);
  return wallToInstant(Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute), timeZone);
}

/** An instant as the wall reading in the zone, in the form the event was written in. */
export const wallOf = (instant: Date, timeZone: string, allDay: boolean) =>
  new Date(instantToWall(instant.getTime(), timeZone)).toISOString().slice(0, allDay ? 10 : 16);

export function toEvent(row: EventRow): ContractEvent {
  return {
    id: row.id,
    contractId: row.contractId,
    createdBy: row.createdBy,
    title: row.title,
    allDay: row.allDay,
    start: wallOf(row.startsAt, row.timeZone, row.allDay),
    end: wallOf(row.endsAt, row.timeZone, row.allDay),
    timeZone: row.timeZone,
    startsAt: row.startsAt.toISOString(),
    endsAt: row.endsAt.toISOString(),
    location: row.location,
    url: row.url,
    notes: row.notes,
    rrule: row.rrule,
    sequence: row.sequence,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/**
 * The stored times and rule of an event written as these wall readings, or a 400 with field
 * errors: start and end of the right kind, the end after the start also as instants (02:30 on the
 * night clocks jump forward is read as 03:30, so 02:30–03:15 would end before it starts), and a
 * rule that rrule-temporal builds and that repeats the event at least once.
 */
export function resolveTimes(t: EventTimes & { timeZone: string; rrule: string | null }) {
  const problems = eventTimeProblems(t);
  if (problems.length) throw invalidFields(problems);
  const startsAt = instantOf(t.start, t.timeZone);
  const endsAt = instantOf(t.end, t.timeZone);
  if (endsAt <= startsAt) throw invalidFields([{ field: "end", code: "end_before_start" }]);
  const rrule = t.rrule === null ? null : storedRule(t.rrule, t);
  if (rrule !== null) {
    const problem = ruleProblem({ startsAt, endsAt, allDay: t.allDay, timeZone: t.timeZone, rrule });
    if (problem) throw invalidFields([{ field: "rrule", code: problem }]);
  }
  return { startsAt: new Date(startsAt), endsAt: new Date(endsAt), rrule };
}

/** The row's times as epoch ms, as the expansion takes them. */
export const seriesOf = (row: EventRow): Series & { rrule: string | null } => ({
  startsAt: row.startsAt.getTime(),
  endsAt: row.endsAt.getTime(),
  allDay: row.allDay,
  timeZone: row.timeZone,
  rrule: row.rrule,
});
