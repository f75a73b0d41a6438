import { TZDate } from "@date-fns/tz";
import { WEEKDAYS } from "../profiles/schema.ts";

export interface WeeklySlot {
  day: string;
  from: string;
  to: string;
}
export interface WantedWindow {
  timeZone: string;
  from: string;
  to: string;
}

type Interval = [start: number, end: number];

const MINUTE = 60_000;
const WORKDAYS = 5;

function at(year: number, month: number, day: number, time: string, timeZone: string): number {
  const [h, m] = time.split(":").map(Number) as [number, number];
  // TZDate normalizes day overflow like Date does, and resolves the wall time in the zone (DST included).
  return new TZDate(year, month, day, h, m, timeZone).getTime();
}

/** The zone's calendar date of an instant, and the offset of that day from its week's Monday. */
function calendarDay(instant: number, timeZone: string) {
  const d = new TZDate(instant, timeZone);
  return { year: d.getFullYear(), month: d.getMonth(), day: d.getDate(), sinceMonday: (d.getDay() + 6) % 7 };
}

function merged(intervals: Interval[]): Interval[] {
  const sorted = [...intervals].sort((a, b) => a[0] - b[0]);
  const out: Interval[] = [];
  for (const [start, end] of sorted) {
    const last = out.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/**
 * How many minutes per working day an assistant's weekly hours (in their own zone) overlap the
 * window a client wants (in the client's zone), averaged over Monday–Friday of the client's week
 * that contains `weekOf`. Real instants are compared, so zones and DST shifts count as they would
 * in that week; a slot that crosses midnight in the other zone still counts.
 */
export function overlapMinutesPerDay(
  slots: readonly WeeklySlot[],
  assistantZone: string,
  wanted: WantedWindow,
  weekOf: Date,
): number {
  if (!slots.length) return 0;
  const client = calendarDay(weekOf.getTime(), wanted.timeZone);
  const windows: Interval[] = [];
  for (let i = 0; i < WORKDAYS; i++) {
    const day = client.day - client.sinceMonday + i;
    windows.push([
      at(client.year, client.month, day, wanted.from, wanted.timeZone),
      at(client.year, client.month, day, wanted.to, wanted.timeZone),
    ]);
  }
  // The assistant's days from the Sunday before to the Monday after their week around the same
  // instant: zones up to a day apart shift slots across the week's edges.
  const own = calendarDay(weekOf.getTime(), assistantZone);
  const worked: Interval[] = [];
  for (let k = -1; k <= 7; k++) {
    const weekday = WEEKDAYS[(k + 7) % 7];
    const day = own.day - own.sinceMonday + k;
    for (const slot of slots) {
      if (slot.day !== weekday) continue;
      worked.push([
        at(own.year, own.month, day, slot.from, assistantZone),
        at(own.year, own.month, day, slot.to, assistantZone),
      ]);
    }
  }
  let total = 0;
  for (const [start, end] of merged(worked)) {
    for (const [wStart, wEnd] of windows) total += Math.max(0, Math.min(end, wEnd) - Math.max(start, wStart));
  }
  return Math.round(total / MINUTE / WORKDAYS);
}
