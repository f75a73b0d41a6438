// Calendars that ask the reader for unbounded work, for the tests of ics-bounds.ts, ics-pool.ts
// and the imports: each was enough, before the bounds and the worker, to hold the server's
// event loop for seconds or forever.

import type { IcsReason } from "./ics-error.ts";

/** A VCALENDAR around the lines (an array, not arguments: some files here have 100,000 lines). */
const calendar = (lines: string[]) =>
  `${["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//x//EN", ...lines, "END:VCALENDAR"].join("\r\n")}\r\n`;

/** A VTIMEZONE whose one STANDARD part follows `rule` from 1970. */
export const zoneWith = (tzid: string, rule: string) => [
  "BEGIN:VTIMEZONE",
  `TZID:${tzid}`,
  "BEGIN:STANDARD",
  "DTSTART:19700101T000000",
  `RRULE:${rule}`,
  "TZOFFSETFROM:+0000",
  "TZOFFSETTO:+0100",
  "END:STANDARD",
  "END:VTIMEZONE",
];

/** An hour on 2 March 2026 at 09:00 on the clock of `tzid`. */
export const eventIn = (tzid: string, uid = "a@x", extra: string[] = []) => [
  "BEGIN:VEVENT",
  `UID:${uid}`,
  "DTSTAMP:20260101T000000Z",
  `DTSTART;TZID=${tzid}:20260302T090000`,
  `DTEND;TZID=${tzid}:20260302T100000`,
  ...extra,
  "END:VEVENT",
];

/**
 * 346 bytes: converting the event's time makes ical.js expand the zone's rule second by second
 * from 1970 (two billion steps, memory past 4 GB).
 */
export const SECONDLY_ZONE = `${[
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//xx//EN",
  ...zoneWith("Evil/Zone", "FREQ=SECONDLY"),
  "BEGIN:VEVENT",
  "UID:probe-346@x",
  "DTSTART;TZID=Evil/Zone:20260302T090000",
  "DTEND;TZID=Evil/Zone:20260302T100000",
  "END:VEVENT",
  "END:VCALENDAR",
].join("\r\n")}\r\n`;

const hours = [...Array(24).keys()].join(",");
const sixty = [...Array(60).keys()].join(",");

/** Each calendar with the reason it must be refused for. */
export const HOSTILE: { name: string; text: string; reason: IcsReason }[] = [
  { name: "a zone rule of FREQ=SECONDLY (346 bytes)", text: SECONDLY_ZONE, reason: "ics.too_complex" },
  {
    name: "a zone rule of FREQ=MINUTELY",
    text: calendar([...zoneWith("Z", "FREQ=MINUTELY"), ...eventIn("Z")]),
    reason: "ics.too_complex",
  },
  {
    name: "a zone rule of FREQ=HOURLY",
    text: calendar([...zoneWith("Z", "FREQ=HOURLY"), ...eventIn("Z")]),
    reason: "ics.too_complex",
  },
  {
    name: "a zone rule with a huge COUNT",
    text: calendar([...zoneWith("Z", "FREQ=MINUTELY;COUNT=2147483647"), ...eventIn("Z")]),
    reason: "ics.too_complex",
  },
  {
    name: "a yearly zone rule that picks every hour and minute",
    text: calendar([...zoneWith("Z", `FREQ=YEARLY;BYHOUR=${hours};BYMINUTE=${sixty}`), ...eventIn("Z")]),
    reason: "ics.too_complex",
  },
  {
    name: "a yearly zone rule on every day of the year",
    text: calendar([...zoneWith("Z", "FREQ=YEARLY;BYDAY=MO,TU,WE,TH,FR,SA,SU"), ...eventIn("Z")]),
    reason: "ics.too_complex",
  },
  {
    name: "3 000 VTIMEZONEs, each used by an event",
    text: calendar(
      [...Array(3_000).keys()].flatMap((i) => [
        ...zoneWith(`Z${i}`, "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"),
        ...eventIn(`Z${i}`, `${i}@x`),
      ]),
    ),
    reason: "ics.too_complex",
  },
  {
    name: "components nested 100 000 deep",
    text: calendar([`${"BEGIN:X-N\r\n".repeat(100_000)}${"END:X-N\r\n".repeat(100_000)}`.trimEnd()]),
    reason: "ics.too_complex",
  },
  {
    name: "30 000 events",
    text: calendar(
      [...Array(30_000).keys()].flatMap((i) => [
        "BEGIN:VEVENT",
        `UID:${i}`,
        "DTSTART:20260302T090000Z",
        "END:VEVENT",
      ]),
    ),
    reason: "ics.too_complex",
  },
];

/**
 * A legitimate but heavy calendar: `count` events of one UID, half of them overrides (about
 * 130 bytes each). Read in linear time it takes about a second for 6 000.
 */
export function manyOverrides(count: number) {
  const lines: string[] = [];
  for (let i = 0; i < count; i++) {
    const second = String(i % 60).padStart(2, "0");
    lines.push(
      "BEGIN:VEVENT",
      "UID:same@x",
      "DTSTAMP:20260101T000000Z",
      `DTSTART:2026030${1 + (i % 9)}T0900${second}Z`,
      "DTEND:20260310T100000Z",
      ...(i % 2 ? [`RECURRENCE-ID:20260302T0900${second}Z`] : []),
      "END:VEVENT",
    );
  }
  return calendar(lines);
}
