import { DateTime } from "luxon";

// Times between the calendar (instants), the form (wall readings "2027-01-11T09:00" in a named zone,
// as the API takes them) and the text people read in their own zone. Luxon is in the calendar's
// chunk anyway (FullCalendar's named-zone plugin uses it), so the browser's own zone never matters.

const WALL = "yyyy-MM-dd'T'HH:mm";
const DATE = "yyyy-MM-dd";

/** The wall reading of an instant in a zone: a date for all-day events, else a date and a time. */
export function wallOf(instant: Date | string, zone: string, allDay = false): string {
  const dt =
    typeof instant === "string"
      ? DateTime.fromISO(instant, { zone })
      : DateTime.fromJSDate(instant, { zone });
  return dt.setZone(zone).toFormat(allDay ? DATE : WALL);
}

/** The same instant read in another zone ("09:00" in Berlin is "16:00" in Manila in winter). */
export function convertWall(wall: string, from: string, to: string): string {
  return DateTime.fromISO(wall, { zone: from }).setZone(to).toFormat(WALL);
}

/** A day's date moved by whole days ("2027-03-28" + 1). */
export function addDays(date: string, days: number): string {
  return DateTime.fromISO(date, { zone: "UTC" }).plus({ days }).toFormat(DATE);
}

/** A wall reading in `zone` as the other zone's clock shows it, for people to read: "Tue, 12 Jan, 22:00" (undefined while half typed). */
export function readableIn(wall: string, from: string, to: string, locale: string): string | undefined {
  const dt = DateTime.fromISO(wall, { zone: from });
  if (!dt.isValid) return undefined;
  return dt
    .setZone(to)
    .setLocale(locale)
    .toLocaleString({ weekday: "short", day: "numeric", month: "short", hour: "2-digit", minute: "2-digit" });
}

/** The time of day of an instant in a zone, "22:00". */
export function clockIn(instant: Date, zone: string, locale: string): string {
  return DateTime.fromJSDate(instant, { zone })
    .setLocale(locale)
    .toLocaleString({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
}

/** An RRULE UNTIL (20270412 or 20270412T215959Z) as the date it ends on in the event's zone. */
export function untilDate(until: string, zone: string): string {
  const date = `${until.slice(0, 4)}-${until.slice(4, 6)}-${until.slice(6, 8)}`;
  if (until.length === 8) return date;
  return DateTime.fromISO(`${date}T${until.slice(9, 11)}:${until.slice(11, 13)}:${until.slice(13, 15)}Z`)
    .setZone(zone)
    .toFormat(DATE);
}

/**
 * A wall reading moved as far as another one was moved, on the wall clock ("2027-03-15T09:00"
 * moved as "2027-03-29T09:00" became "2027-03-29T10:00" is "2027-03-15T10:00"); dates by days.
 */
export function shiftWall(wall: string, before: string, after: string): string {
  const read = (w: string) => DateTime.fromISO(w, { zone: "UTC" });
  return read(wall)
    .plus(read(after).diff(read(before)))
    .toFormat(wall.length === 10 ? DATE : WALL);
}
