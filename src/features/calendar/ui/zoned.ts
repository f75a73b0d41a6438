import { tzOffset } from "@date-fns/tz";

// Times between the calendar (instants), the form (wall readings "2027-01-11T09:00" in a named zone,
// as the API takes them) and the text people read in their own zone, with the browser's zone data
// (Intl, through @date-fns/tz): the browser's own zone never matters. No date library of its own:
// Luxon was ~22 KB gzip of the calendar tab's first load.

const MINUTE = 60_000;
const WALL = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/;
/** An instant in ISO form names its offset ("…Z", "…+01:00"); a wall reading does not. */
const HAS_OFFSET = /(?:[zZ]|[+-]\d{2}:?\d{2})$/;

/** A wall reading as if it were UTC, in milliseconds (NaN when it is not one, e.g. half typed). */
function wallMs(wall: string): number {
  const m = WALL.exec(wall);
  if (!m) return Number.NaN;
  const [y, mo, d, h, mi, s] = m.slice(1).map((part) => Number(part ?? 0)) as number[];
  return Date.UTC(y as number, (mo as number) - 1, d, h, mi, s);
}

/**
 * The instant a wall clock in `zone` shows the wall reading `ms`: when a clock change repeats the
 * hour, the first time; when it skips the hour, the time as far after it (02:30 becomes 03:30).
 */
export function instantOfWall(ms: number, zone: string): number {
  // No zone is more than 14 hours off UTC: the offsets a day apart are the ones around any change.
  const before = tzOffset(zone, new Date(ms - 14 * 60 * MINUTE));
  const after = tzOffset(zone, new Date(ms + 14 * 60 * MINUTE));
  const shows = [before, after].map((o) => ms - o * MINUTE).filter((t) => wallAt(t, zone) === ms);
  return shows.length ? Math.min(...shows) : ms - before * MINUTE;
}

/** What the wall clock in `zone` shows at an instant, as if it were UTC, in milliseconds. */
export function wallAt(instant: number, zone: string): number {
  return instant + tzOffset(zone, new Date(instant)) * MINUTE;
}

const pad = (n: number) => String(n).padStart(2, "0");
function formatWall(ms: number, dateOnly: boolean): string {
  const d = new Date(ms);
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return dateOnly ? date : `${date}T${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
}

const instantOf = (value: Date | string, zone: string) =>
  typeof value !== "string"
    ? value.getTime()
    : HAS_OFFSET.test(value)
      ? Date.parse(value)
      : instantOfWall(wallMs(value), zone);

/** The wall reading of an instant in a zone: a date for all-day events, else a date and a time. */
export function wallOf(instant: Date | string, zone: string, allDay = false): string {
  return formatWall(wallAt(instantOf(instant, zone), zone), allDay);
}

/** The same instant read in another zone ("09:00" in Berlin is "16:00" in Manila in winter). */
export function convertWall(wall: string, from: string, to: string): string {
  return formatWall(wallAt(instantOfWall(wallMs(wall), from), to), false);
}

/** A day's date moved by whole days ("2027-03-28" + 1). */
export function addDays(date: string, days: number): string {
  return formatWall(wallMs(date) + days * 24 * 60 * MINUTE, true);
}

/** A wall reading in `zone` as the other zone's clock shows it, for people to read: "Tue, 12 Jan, 22:00" (undefined while half typed). */
export function readableIn(wall: string, from: string, to: string, locale: string): string | undefined {
  const ms = wallMs(wall);
  if (Number.isNaN(ms)) return undefined;
  return new Intl.DateTimeFormat(locale, {
    timeZone: to,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
  }).format(instantOfWall(ms, from));
}

/** The time of day of an instant in a zone, "22:00". */
export function clockIn(instant: Date, zone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    timeZone: zone,
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(instant);
}

/** An RRULE UNTIL (20270412 or 20270412T215959Z) as the date it ends on in the event's zone. */
export function untilDate(until: string, zone: string): string {
  const date = `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}`;
  if (until.length === 8) return date;
  return wallOf(`${date}T${until.slice(9, 11)}:${until.slice(11, 13)}:${until.slice(13, 15)}Z`, zone, true);
}

/**
 * A wall reading moved as far as another one was moved, on the wall clock ("2027-03-15T09:00"
 * moved as "2027-03-29T09:00" became "2027-03-29T10:00" is "2027-03-15T10:00"); dates by days.
 */
export function shiftWall(wall: string, before: string, after: string): string {
  return formatWall(wallMs(wall) + wallMs(after) - wallMs(before), wall.length === 10);
}
