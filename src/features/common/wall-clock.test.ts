import { tzOffset } from "@date-fns/tz";
import { describe, expect, it } from "vitest";
import { offsetAt, wallToInstant } from "./wall-clock.ts";

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const exact = (zone: string, t: number) => tzOffset(zone, new Date(t)) * MINUTE;

/** The instants in 2026 where the zone's offset changes (found hour by hour, then to the minute). */
function transitions(zone: string): number[] {
  const found: number[] = [];
  for (let t = Date.UTC(2026, 0, 1); t < Date.UTC(2027, 0, 1); t += HOUR) {
    if (exact(zone, t) === exact(zone, t + HOUR)) continue;
    let m = t;
    while (exact(zone, m) === exact(zone, t)) m += MINUTE;
    found.push(m);
  }
  return found;
}

describe("offsetAt", () => {
  // Hour answers are kept per zone; the hours around each change must still read minute-exact,
  // including Lord Howe's half-hour shift and zones whose offsets are not whole hours.
  it.each(["Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "America/St_Johns", "Asia/Kathmandu"])(
    "equals the zone's own offset minute by minute around every change in 2026 (%s)",
    (zone) => {
      const changes = transitions(zone);
      expect(changes.length).toBe(zone === "Asia/Kathmandu" ? 0 : 2);
      const around = changes.length ? changes : [Date.UTC(2026, 5, 1)];
      for (const change of around) {
        // Ask from the middle outward so the cached hour is filled by a minute away from its ends.
        const minutes = Array.from({ length: 6 * 60 }, (_, i) => change - 3 * HOUR + i * MINUTE);
        minutes.sort((a, b) => Math.abs(a - change - 20 * MINUTE) - Math.abs(b - change - 20 * MINUTE));
        for (const t of minutes) expect(offsetAt(zone, t), new Date(t).toISOString()).toBe(exact(zone, t));
      }
    },
  );

  it("refuses an unknown zone, also on a second ask", () => {
    expect(() => offsetAt("Mars/Olympus", 0)).toThrow(/unknown time zone/);
    expect(() => offsetAt("Mars/Olympus", 0)).toThrow(/unknown time zone/);
  });

  it("keeps RFC 5545's rule for a skipped reading with the cache warm", () => {
    // 02:30 on 29 March 2026 does not exist in Berlin: it is read as 03:30 CEST (01:30 UTC).
    offsetAt("Europe/Berlin", Date.UTC(2026, 2, 29, 0, 59));
    expect(new Date(wallToInstant(Date.UTC(2026, 2, 29, 2, 30), "Europe/Berlin")).toISOString()).toBe(
      "2026-03-29T01:30:00.000Z",
    );
  });
});
