import { describe, expect, it } from "vitest";
import { MAX_TIMEZONES } from "./ics-bounds.ts";
import { busyFromIcs, IcsError } from "./ics-read.ts";
import { eventIn, HOSTILE, manyOverrides, SECONDLY_ZONE, zoneWith } from "./testing-hostile.ts";

// These run busyFromIcs on the test's own thread, as the worker does: before the bounds, the
// first of them never returned (the run hangs rather than fails; the worker's deadline is what
// keeps the server safe, these keep the refusals quick and clear).

const spring = {
  from: Date.parse("2026-03-01T00:00:00Z"),
  to: Date.parse("2026-04-20T00:00:00Z"),
  timeZone: "Europe/Berlin",
};
const ics = (...lines: string[]) =>
  `${["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//test//EN", ...lines, "END:VCALENDAR"].join("\r\n")}\r\n`;
const iso = (busy: { start: number; end: number }[]) =>
  busy.map(
    (b) => `${new Date(b.start).toISOString().slice(0, 16)} – ${new Date(b.end).toISOString().slice(0, 16)}`,
  );

function refusal(text: string): string | undefined {
  try {
    busyFromIcs(text, spring);
  } catch (err) {
    return err instanceof IcsError ? err.reason : `not an IcsError: ${String(err)}`;
  }
  return undefined;
}

// As tzurl.org's "full" zones and older exporters write them: one zone, the history of its rules
// (each with UNTIL), the second Sunday spelt as BYMONTHDAY=8..14 with BYDAY=SU.
const NEW_YORK_HISTORY = [
  "BEGIN:VTIMEZONE",
  "TZID:Eastern Time (history)",
  ...[
    [
      "DAYLIGHT",
      "19670430T020000",
      "FREQ=YEARLY;UNTIL=19730429T070000Z;BYMONTH=4;BYDAY=-1SU",
      "-0500",
      "-0400",
    ],
    [
      "DAYLIGHT",
      "19760425T020000",
      "FREQ=YEARLY;UNTIL=19860427T070000Z;BYMONTH=4;BYDAY=-1SU",
      "-0500",
      "-0400",
    ],
    [
      "DAYLIGHT",
      "19870405T020000",
      "FREQ=YEARLY;UNTIL=20060402T070000Z;BYMONTH=4;BYDAY=1SU",
      "-0500",
      "-0400",
    ],
    [
      "DAYLIGHT",
      "20070311T020000",
      "FREQ=YEARLY;BYMONTH=3;BYMONTHDAY=8,9,10,11,12,13,14;BYDAY=SU",
      "-0500",
      "-0400",
    ],
    [
      "STANDARD",
      "19671029T020000",
      "FREQ=YEARLY;UNTIL=20061029T060000Z;BYMONTH=10;BYDAY=-1SU",
      "-0400",
      "-0500",
    ],
    ["STANDARD", "20071104T020000", "FREQ=YEARLY;BYMONTH=11;BYDAY=1SU", "-0400", "-0500"],
  ].flatMap(([part, start, rule, from, to]) => [
    `BEGIN:${part}`,
    `DTSTART:${start}`,
    `RRULE:${rule}`,
    `TZOFFSETFROM:${from}`,
    `TZOFFSETTO:${to}`,
    `END:${part}`,
  ]),
  "BEGIN:STANDARD",
  "DTSTART:19740106T020000",
  "RDATE:19750223T020000",
  "TZOFFSETFROM:-0400",
  "TZOFFSETTO:-0500",
  "END:STANDARD",
  "END:VTIMEZONE",
];

describe("bounds on what a calendar may ask of the reader", () => {
  it("refuses the 346-byte calendar whose zone changes every second, at once", { timeout: 5_000 }, () => {
    expect(Buffer.byteLength(SECONDLY_ZONE)).toBe(346);
    const started = performance.now();
    expect(refusal(SECONDLY_ZONE)).toBe("ics.too_complex");
    expect(performance.now() - started).toBeLessThan(1_000);
  });

  for (const { name, text, reason } of HOSTILE) {
    it(`refuses ${name}`, { timeout: 10_000 }, () => {
      expect(refusal(text)).toBe(reason);
    });
  }

  it("still reads a zone with its whole history of rules, and the old spelling of a second Sunday", () => {
    const text = ics(
      ...NEW_YORK_HISTORY,
      ...eventIn("Eastern Time (history)", "before@x").map((l) => l.replace("20260302", "20260305")),
      ...eventIn("Eastern Time (history)", "after@x").map((l) => l.replace("20260302", "20260309")),
    );
    // Summer time begins on 8 March 2026: 09:00 is 14:00 UTC before, 13:00 UTC after.
    expect(iso(busyFromIcs(text, { ...spring, timeZone: "UTC" }))).toEqual([
      "2026-03-05T14:00 – 2026-03-05T15:00",
      "2026-03-09T13:00 – 2026-03-09T14:00",
    ]);
  });

  it("reads as many zones as the bound allows, and refuses one more", () => {
    const zones = (n: number) =>
      ics(
        ...[...Array(n).keys()].flatMap((i) => [
          ...zoneWith(`Z${i}`, "FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU"),
          ...eventIn(`Z${i}`, `${i}@x`),
        ]),
      );
    expect(busyFromIcs(zones(MAX_TIMEZONES), spring)).toHaveLength(1);
    expect(refusal(zones(MAX_TIMEZONES + 1))).toBe("ics.too_complex");
  });

  it("reads many series and overrides of one UID in linear time", { timeout: 30_000 }, () => {
    // Each series used to look through every override of its UID: 6 000 events took 12 s.
    const started = performance.now();
    expect(busyFromIcs(manyOverrides(6_000), spring).length).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(6_000);
  });
});
