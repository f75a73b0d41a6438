import { TZDate, tzOffset } from "@date-fns/tz";

// Wall-clock readings ("09:00 on 29 March in Berlin") and the instants they name. A wall time is
// carried as "wall ms": the epoch milliseconds the same reading would have in UTC, which keeps
// day arithmetic plain integer arithmetic.

const DAY = 86_400_000;

const HOUR = 3_600_000;

function exactOffset(timeZone: string, instant: number): number {
  const minutes = tzOffset(timeZone, new Date(instant));
  if (Number.isNaN(minutes)) throw new RangeError(`unknown time zone: ${timeZone}`);
  return minutes * 60_000;
}

// tzOffset asks Intl for every instant (microseconds each), and a slot search asks hundreds of
// times. No zone changes its offset twice within an hour, so an hour whose first and last
// millisecond share an offset has it throughout: that answer is kept per zone and hour. An hour
// with a change in it is marked (NaN) and asked exactly each time.
const hourOffsets = new Map<string, Map<number, number>>();
const MAX_HOURS_PER_ZONE = 100_000;

/** The zone's offset from UTC at an instant, in ms (an unknown zone throws rather than guessing). */
export function offsetAt(timeZone: string, instant: number): number {
  let hours = hourOffsets.get(timeZone);
  const hour = Math.floor(instant / HOUR);
  let offset = hours?.get(hour);
  if (offset === undefined) {
    const first = exactOffset(timeZone, hour * HOUR);
    offset = first === exactOffset(timeZone, hour * HOUR + HOUR - 1) ? first : Number.NaN;
    if (!hours) {
      hours = new Map();
      hourOffsets.set(timeZone, hours);
    }
    if (hours.size >= MAX_HOURS_PER_ZONE) hours.clear();
    hours.set(hour, offset);
  }
  return Number.isNaN(offset) ? exactOffset(timeZone, instant) : offset;
}

/** The wall-clock reading (as wall ms) of an instant in a zone. */
export const instantToWall = (instant: number, timeZone: string): number =>
  instant + offsetAt(timeZone, instant);

// The rule of RFC 5545 §3.3.5 (Temporal's "compatible"): a reading that repeats when clocks go
// back names its first occurrence; one that clocks skip is read with the offset from before the
// jump, so 02:30 on a spring-forward night in Berlin is 03:30 CEST. TZDate alone picks the later
// occurrence for zones east of UTC and the earlier one west of it, so the rule is spelt out here.
/** The instant a wall-clock reading (wall ms) names in a zone, by RFC 5545's rule for skipped and repeated times. */
export function wallToInstant(wall: number, timeZone: string): number {
  // A day either side is beyond any real offset (±14 h), so these are the offsets before and
  // after the one transition that can lie near a given reading.
  const before = offsetAt(timeZone, wall - DAY);
  const after = offsetAt(timeZone, wall + DAY);
  if (before === after) return wall - before;
  const early = wall - before;
  const late = wall - after;
  const earlyHolds = offsetAt(timeZone, early) === before;
  const lateHolds = offsetAt(timeZone, late) === after;
  if (earlyHolds && lateHolds) return Math.min(early, late);
  if (lateHolds) return late;
  return early;
}

/** Minutes since midnight of "HH:MM"; "24:00" is the end of the day. */
export function minutesOfDay(time: string): number {
  const [h, m] = time.split(":").map(Number) as [number, number];
  return h * 60 + m;
}

/** The instant of "HH:MM" on a calendar day in a zone; the day may overflow like Date's does. */
export function zonedInstant(
  year: number,
  month: number,
  day: number,
  time: string,
  timeZone: string,
): number {
  return wallToInstant(Date.UTC(year, month, day) + minutesOfDay(time) * 60_000, timeZone);
}

/** The zone's calendar date of an instant, and the offset of that day from its week's Monday. */
export function calendarDay(instant: number, timeZone: string) {
  const d = new TZDate(instant, timeZone);
  return { year: d.getFullYear(), month: d.getMonth(), day: d.getDate(), sinceMonday: (d.getDay() + 6) % 7 };
}
