import { type Interval, merged } from "../common/intervals.ts";
import { zonedInstant as at, calendarDay } from "../common/wall-clock.ts";
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

const MINUTE = 60_000;
const WORKDAYS = 5;

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
