import { describe, expect, it } from "vitest";
import { busyFromIcs, IcsError, MAX_ICS_BYTES } from "./ics-read.ts";

const ics = (...lines: string[]) => `${lines.join("\r\n")}\r\n`;
const utc = (iso: string) => Date.parse(iso);
const iso = (busy: { start: number; end: number }[]) =>
  busy.map(
    (b) => `${new Date(b.start).toISOString().slice(0, 16)} – ${new Date(b.end).toISOString().slice(0, 16)}`,
  );
const spring = {
  from: utc("2026-03-01T00:00:00Z"),
  to: utc("2026-04-20T00:00:00Z"),
  timeZone: "Europe/Berlin",
};

const BERLIN_VTIMEZONE = [
  "BEGIN:VTIMEZONE",
  "TZID:Europe/Berlin",
  "X-LIC-LOCATION:Europe/Berlin",
  "BEGIN:DAYLIGHT",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "TZNAME:CEST",
  "DTSTART:19700329T020000",
  "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
  "END:DAYLIGHT",
  "BEGIN:STANDARD",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "TZNAME:CET",
  "DTSTART:19701025T030000",
  "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
  "END:STANDARD",
  "END:VTIMEZONE",
];

// As Google Calendar exports: VTIMEZONE, a weekly series with an EXDATE and a moved occurrence,
// an all-day holiday, and events that must not count.
const GOOGLE = ics(
  "BEGIN:VCALENDAR",
  "PRODID:-//Google Inc//Google Calendar 70.9054//EN",
  "VERSION:2.0",
  "CALSCALE:GREGORIAN",
  "METHOD:PUBLISH",
  "X-WR-CALNAME:anna.schmidt@example.com",
  "X-WR-TIMEZONE:Europe/Berlin",
  ...BERLIN_VTIMEZONE,
  "BEGIN:VEVENT",
  "DTSTART;TZID=Europe/Berlin:20260302T090000",
  "DTEND;TZID=Europe/Berlin:20260302T100000",
  // UNTIL is the last occurrence itself, in UTC (09:00 CEST): it must still count.
  "RRULE:FREQ=WEEKLY;WKST=MO;UNTIL=20260413T070000Z;BYDAY=MO",
  "EXDATE;TZID=Europe/Berlin:20260316T090000",
  "DTSTAMP:20260301T120000Z",
  "UID:5k2q9v@google.com",
  "SUMMARY:Wochenplanung\\, Team",
  "STATUS:CONFIRMED",
  "TRANSP:OPAQUE",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "DTSTART;TZID=Europe/Berlin:20260323T140000",
  "DTEND;TZID=Europe/Berlin:20260323T150000",
  "RECURRENCE-ID;TZID=Europe/Berlin:20260323T090000",
  "DTSTAMP:20260301T120000Z",
  "UID:5k2q9v@google.com",
  "SUMMARY:Wochenplanung (verschoben)",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "DTSTART;VALUE=DATE:20260406",
  "DTEND;VALUE=DATE:20260407",
  "DTSTAMP:20260301T120000Z",
  "UID:ostermontag@google.com",
  "SUMMARY:Ostermontag",
  "TRANSP:OPAQUE",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "DTSTART:20260304T120000Z",
  "DTEND:20260304T130000Z",
  "DTSTAMP:20260301T120000Z",
  "UID:lunch@google.com",
  "SUMMARY:Mittagessen",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "DTSTART:20260305T120000Z",
  "DTEND:20260305T130000Z",
  "DTSTAMP:20260301T120000Z",
  "UID:free@google.com",
  "SUMMARY:Erinnerung",
  "TRANSP:TRANSPARENT",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "DTSTART:20260306T120000Z",
  "DTEND:20260306T130000Z",
  "DTSTAMP:20260301T120000Z",
  "UID:cancelled@google.com",
  "SUMMARY:Abgesagt",
  "STATUS:CANCELLED",
  "END:VEVENT",
  "END:VCALENDAR",
);

// As Outlook exports: a Windows zone name defined only by the file's VTIMEZONE.
const OUTLOOK = ics(
  "BEGIN:VCALENDAR",
  "PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN",
  "VERSION:2.0",
  "METHOD:PUBLISH",
  "BEGIN:VTIMEZONE",
  "TZID:W. Europe Standard Time",
  "BEGIN:STANDARD",
  "DTSTART:16011028T030000",
  "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10",
  "TZOFFSETFROM:+0200",
  "TZOFFSETTO:+0100",
  "END:STANDARD",
  "BEGIN:DAYLIGHT",
  "DTSTART:16010325T020000",
  "RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3",
  "TZOFFSETFROM:+0100",
  "TZOFFSETTO:+0200",
  "END:DAYLIGHT",
  "END:VTIMEZONE",
  "BEGIN:VEVENT",
  "UID:040000008200E00074C5B7101A82E008",
  "DTSTART;TZID=W. Europe Standard Time:20260318T100000",
  "DTEND;TZID=W. Europe Standard Time:20260318T103000",
  "RRULE:FREQ=WEEKLY;COUNT=4;BYDAY=WE",
  "SUMMARY;LANGUAGE=de-DE:Jour fixe",
  "X-MICROSOFT-CDO-BUSYSTATUS:BUSY",
  "END:VEVENT",
  "BEGIN:VEVENT",
  "UID:040000008200E00074C5B7101A82E009",
  "DTSTART;VALUE=DATE:20260320",
  "DTEND;VALUE=DATE:20260321",
  "SUMMARY:Urlaub",
  "X-MICROSOFT-CDO-ALLDAYEVENT:TRUE",
  "END:VEVENT",
  "END:VCALENDAR",
);

const event = (...lines: string[]) =>
  ics(
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//test//EN",
    "BEGIN:VEVENT",
    "UID:x@test",
    "DTSTAMP:20260101T000000Z",
    ...lines,
    "END:VEVENT",
    "END:VCALENDAR",
  );

function reason(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof IcsError ? err.reason : `not an IcsError: ${String(err)}`;
  }
  return undefined;
}

describe("busy time from a calendar export", () => {
  it("expands a Google series across the change to summer time, less its EXDATE, with its moved occurrence", () => {
    expect(iso(busyFromIcs(GOOGLE, spring))).toEqual([
      "2026-03-02T08:00 – 2026-03-02T09:00",
      "2026-03-04T12:00 – 2026-03-04T13:00",
      "2026-03-09T08:00 – 2026-03-09T09:00",
      "2026-03-23T13:00 – 2026-03-23T14:00",
      "2026-03-30T07:00 – 2026-03-30T08:00",
      "2026-04-05T22:00 – 2026-04-06T22:00",
      "2026-04-13T07:00 – 2026-04-13T08:00",
    ]);
  });

  it("blocks an all-day event for the whole day in the owner's zone", () => {
    const holiday = busyFromIcs(GOOGLE, spring).find((b) => b.start === utc("2026-04-05T22:00:00Z"));
    expect(holiday?.end).toBe(utc("2026-04-06T22:00:00Z"));
    // For an owner in Manila the holiday moves to Manila's day; the zoned events stay where they are.
    const inBerlin = iso(busyFromIcs(GOOGLE, spring));
    const inManila = iso(busyFromIcs(GOOGLE, { ...spring, timeZone: "Asia/Manila" }));
    expect(inManila).toContain("2026-04-05T16:00 – 2026-04-06T16:00");
    expect(inManila.filter((b) => !b.startsWith("2026-04-05"))).toEqual(
      inBerlin.filter((b) => !b.startsWith("2026-04-05")),
    );
  });

  it("reads Outlook's Windows zone from the file's VTIMEZONE, and its all-day event", () => {
    // The owner is in UTC here, so only the VTIMEZONE can put the Wednesdays an hour earlier.
    expect(iso(busyFromIcs(OUTLOOK, { ...spring, timeZone: "UTC" }))).toEqual([
      "2026-03-18T09:00 – 2026-03-18T09:30",
      "2026-03-20T00:00 – 2026-03-21T00:00",
      "2026-03-25T09:00 – 2026-03-25T09:30",
      "2026-04-01T08:00 – 2026-04-01T08:30",
      "2026-04-08T08:00 – 2026-04-08T08:30",
    ]);
  });

  it("reads an IANA TZID without a VTIMEZONE, floating times in the owner's zone, DURATION and RDATE", () => {
    const text = ics(
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//test//EN",
      "BEGIN:VEVENT",
      "UID:ny@test",
      "DTSTAMP:20260101T000000Z",
      "DTSTART;TZID=America/New_York:20260309T090000",
      "DURATION:PT45M",
      "RDATE;TZID=America/New_York:20260311T090000",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:floating@test",
      "DTSTAMP:20260101T000000Z",
      "DTSTART:20260310T090000",
      "DTEND:20260310T100000",
      "END:VEVENT",
      "END:VCALENDAR",
    );
    expect(iso(busyFromIcs(text, { ...spring, timeZone: "Asia/Manila" }))).toEqual([
      "2026-03-09T13:00 – 2026-03-09T13:45",
      "2026-03-10T01:00 – 2026-03-10T02:00",
      "2026-03-11T13:00 – 2026-03-11T13:45",
    ]);
  });

  it("repeats a yearly all-day birthday from decades ago, and clips to the window", () => {
    const birthday = event("DTSTART;VALUE=DATE:19900315", "RRULE:FREQ=YEARLY", "SUMMARY:Geburtstag");
    expect(iso(busyFromIcs(birthday, { ...spring, timeZone: "UTC" }))).toEqual([
      "2026-03-15T00:00 – 2026-03-16T00:00",
    ]);
    const long = event("DTSTART:20260220T000000Z", "DTEND:20260302T060000Z");
    expect(iso(busyFromIcs(long, spring))).toEqual(["2026-03-01T00:00 – 2026-03-02T06:00"]);
  });

  it("drops an occurrence whose override is cancelled, and counts an event without an end as no time", () => {
    const text = ics(
      "BEGIN:VCALENDAR",
      "VERSION:2.0",
      "PRODID:-//test//EN",
      "BEGIN:VEVENT",
      "UID:s@test",
      "DTSTAMP:20260101T000000Z",
      "DTSTART:20260302T100000Z",
      "DTEND:20260302T110000Z",
      "RRULE:FREQ=DAILY;COUNT=3",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:s@test",
      "DTSTAMP:20260101T000000Z",
      "RECURRENCE-ID:20260303T100000Z",
      "DTSTART:20260303T100000Z",
      "DTEND:20260303T110000Z",
      "STATUS:CANCELLED",
      "END:VEVENT",
      "BEGIN:VEVENT",
      "UID:point@test",
      "DTSTAMP:20260101T000000Z",
      "DTSTART:20260305T100000Z",
      "END:VEVENT",
      "END:VCALENDAR",
    );
    expect(iso(busyFromIcs(text, spring))).toEqual([
      "2026-03-02T10:00 – 2026-03-02T11:00",
      "2026-03-04T10:00 – 2026-03-04T11:00",
    ]);
  });
});

describe("refusing what cannot be read", () => {
  it("calls unreadable input malformed", () => {
    expect(reason(() => busyFromIcs("hello world", spring))).toBe("ics.malformed");
    expect(reason(() => busyFromIcs("", spring))).toBe("ics.malformed");
    expect(reason(() => busyFromIcs("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nUID:x\r\n", spring))).toBe(
      "ics.malformed",
    );
    expect(reason(() => busyFromIcs("BEGIN:VCARD\r\nVERSION:4.0\r\nFN:Anna\r\nEND:VCARD\r\n", spring))).toBe(
      "ics.malformed",
    );
    expect(reason(() => busyFromIcs(event("DTSTART:2026-03-02", "DTEND:20260302T110000Z"), spring))).toBe(
      "ics.malformed",
    );
    expect(reason(() => busyFromIcs(event("SUMMARY:no start"), spring))).toBe("ics.malformed");
    expect(reason(() => busyFromIcs(event("DTSTART:20260302T100000Z", "RRULE:BYDAY=MO"), spring))).toBe(
      "ics.malformed",
    );
  });

  it("refuses more than 5 MiB before parsing, counting bytes, not characters", () => {
    expect(reason(() => busyFromIcs("X".repeat(MAX_ICS_BYTES + 1), spring))).toBe("ics.too_large");
    // Two bytes per "ü": fewer characters than the limit, more bytes.
    expect(reason(() => busyFromIcs("ü".repeat(MAX_ICS_BYTES / 2 + 1), spring))).toBe("ics.too_large");
  });

  it("stops rules that never match or repeat without end, quickly", { timeout: 5_000 }, () => {
    const rule = (r: string) => event("DTSTART:20260101T090000Z", "DTEND:20260101T100000Z", `RRULE:${r}`);
    expect(busyFromIcs(rule("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30"), spring)).toEqual([]);
    expect(busyFromIcs(rule("FREQ=WEEKLY;BYWEEKNO=53;BYMONTH=6"), spring)).toEqual([]);
    expect(busyFromIcs(rule("FREQ=DAILY;INTERVAL=2147483647"), spring)).toEqual([]);
    expect(reason(() => busyFromIcs(rule("FREQ=SECONDLY"), spring))).toBe("ics.too_large");
    expect(reason(() => busyFromIcs(rule("FREQ=MINUTELY"), spring))).toBe("ics.too_large");
  });
});
