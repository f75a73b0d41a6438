import { type Interval, intersect, merged, subtract } from "../common/intervals.ts";
import { calendarDay, minutesOfDay, wallToInstant } from "../common/wall-clock.ts";
import { WEEKDAYS } from "../profiles/schema.ts";
import type { Availability, InterviewDuration } from "./schema.ts";

// Rules of the slot search (the tests hold the code to each):
// - Hours are wall-clock times in the person's own zone on each of their calendar days, so Monday
//   in New York and Tuesday in Auckland are compared as the instants they are.
// - A wall time that repeats when clocks go back names its first occurrence; one that does not
//   exist because clocks jumped forward is read with the offset from before the jump (RFC 5545,
//   see `wallToInstant`). Hours of 01:00–03:00 on the night Berlin falls back are three real hours.
// - Hours never run past midnight in one entry (the schemas refuse `from` >= `to`; such an entry
//   counts as no hours). A night shift is two entries, the first ending at "24:00"; touching hours
//   join, so a slot may span midnight. Exceptions accept "24:00"; the profile's weekly hours stop
//   at 23:59 until its schema accepts it too.
// - Slots start on multiples of `stepMinutes` of UTC (default 30: :00 and :30). Every zone whose
//   offset is a whole half hour (all but Nepal, the Chatham Islands and Eucla) sees the same
//   :00/:30; for those three, 15 gives quarter hours that are round on every clock.
// - A slot lies within [from, to], starts at or after `notBefore`, and keeps each person's
//   `bufferMinutes` away from that person's busy time on both sides. Empty or reversed busy
//   intervals are ignored.

export interface Busy {
  start: number;
  end: number;
}
/** Someone's availability (parsed with `availabilitySchema`) and their busy time as UTC instants. */
export interface Person extends Availability {
  busy: readonly Busy[];
}
export interface SlotQuery {
  from: number;
  to: number;
  durationMinutes: InterviewDuration;
  stepMinutes?: number;
  notBefore: number;
}
export interface Slot {
  start: number;
  end: number;
}
export type AvailabilityVerdict =
  | { ok: true }
  | { ok: false; reason: "outside_hours" | "exception" | "busy" };

const MINUTE = 60_000;
const DAY = 86_400_000;
// A quarter of a year of daily hours; a wider search is a caller's mistake, not a use.
const MAX_RANGE = 92 * DAY;

type Windows = (readonly [from: number, to: number])[];

/** Exceptions keyed by the wall ms of their date; a day-off entry makes the day's list empty. */
function exceptionsByDate(exceptions: Availability["exceptions"]): Map<number, Windows> {
  const byDate = new Map<number, Windows>();
  const off = new Set<number>();
  for (const e of exceptions) {
    const [y, m, d] = e.date.split("-").map(Number) as [number, number, number];
    const date = Date.UTC(y, m - 1, d);
    const list = byDate.get(date) ?? [];
    byDate.set(date, list);
    if (e.from === undefined || e.to === undefined) off.add(date);
    else list.push([minutesOfDay(e.from), minutesOfDay(e.to)]);
  }
  for (const date of off) byDate.set(date, []);
  return byDate;
}

/** A person's working time within [lo, hi) as instants, with or without their exceptions. */
export function workingTime(p: Availability, lo: number, hi: number, withExceptions = true): Interval[] {
  const weekly: Windows[] = WEEKDAYS.map(() => []);
  for (const h of p.weeklyHours)
    weekly[WEEKDAYS.indexOf(h.day)]?.push([minutesOfDay(h.from), minutesOfDay(h.to)]);
  const exceptions = withExceptions ? exceptionsByDate(p.exceptions) : new Map<number, Windows>();
  const first = calendarDay(lo, p.timeZone);
  const last = calendarDay(hi, p.timeZone);
  const out: Interval[] = [];
  // From the day before lo's date (a spring-forward shift can carry its hours later) to hi's date.
  for (
    let date = Date.UTC(first.year, first.month, first.day) - DAY;
    date <= Date.UTC(last.year, last.month, last.day);
    date += DAY
  ) {
    const weekday = (new Date(date).getUTCDay() + 6) % 7;
    for (const [from, to] of exceptions.get(date) ?? weekly[weekday] ?? []) {
      if (from >= to) continue;
      out.push([
        wallToInstant(date + from * MINUTE, p.timeZone),
        wallToInstant(date + to * MINUTE, p.timeZone),
      ]);
    }
  }
  return intersect(merged(out), [[lo, hi]]);
}

/** Busy time widened by the person's buffer on both sides, merged. */
function blocked(p: Person): Interval[] {
  const buffer = p.bufferMinutes * MINUTE;
  return merged(
    p.busy.filter((b) => b.end > b.start).map((b) => [b.start - buffer, b.end + buffer] as const),
  );
}

/** Start instants (with ends) of every slot both people can meet in, sorted; see the rules above. */
export function commonSlots(a: Person, b: Person, query: SlotQuery): Slot[] {
  const stepMinutes = query.stepMinutes ?? 30;
  if (!Number.isInteger(stepMinutes) || stepMinutes < 5 || 1440 % stepMinutes !== 0) {
    throw new RangeError("stepMinutes must divide a day and be at least 5");
  }
  if (query.to - query.from > MAX_RANGE) throw new RangeError("the search range is longer than 92 days");
  const step = stepMinutes * MINUTE;
  const duration = query.durationMinutes * MINUTE;
  const lo = Math.max(query.from, query.notBefore);
  const hi = query.to;
  if (hi - lo < duration) return [];
  const free = (p: Person) => subtract(workingTime(p, lo, hi), blocked(p));
  const slots: Slot[] = [];
  for (const [start, end] of intersect(free(a), free(b))) {
    for (let s = Math.ceil(start / step) * step; s + duration <= end; s += step)
      slots.push({ start: s, end: s + duration });
  }
  return slots;
}

/** Whether a chosen time lies in the person's hours, off their exceptions and clear of their busy time (with buffer). */
export function isWithinAvailability(p: Person, start: number, end: number): AvailabilityVerdict {
  if (!(end > start)) throw new RangeError("end must be after start");
  const covers = (intervals: Interval[]) => intervals.some(([s, e]) => s <= start && end <= e);
  if (!covers(workingTime(p, start, end))) {
    return { ok: false, reason: covers(workingTime(p, start, end, false)) ? "exception" : "outside_hours" };
  }
  if (blocked(p).some(([s, e]) => s < end && start < e)) return { ok: false, reason: "busy" };
  return { ok: true };
}
