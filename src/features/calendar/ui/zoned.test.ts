import { describe, expect, it } from "vitest";
import { addDays, convertWall, instantOfWall, shiftWall, untilDate, wallOf } from "./zoned.ts";

const utc = (wall: string) => Date.parse(`${wall}:00Z`);

describe("wall readings in named zones", () => {
  it("reads an instant on each zone's clock, summer time included", () => {
    expect(wallOf("2027-01-11T08:00:00Z", "Europe/Berlin")).toBe("2027-01-11T09:00");
    expect(wallOf("2027-07-11T08:00:00Z", "Europe/Berlin")).toBe("2027-07-11T10:00");
    expect(wallOf(new Date("2027-01-11T20:00:00Z"), "Asia/Manila", true)).toBe("2027-01-12");
    expect(wallOf("2027-01-11T08:00:00Z", "Asia/Kolkata")).toBe("2027-01-11T13:30");
  });

  it("moves a wall reading between zones as the instant it names", () => {
    expect(convertWall("2027-01-11T09:00", "Europe/Berlin", "Asia/Manila")).toBe("2027-01-11T16:00");
    // New York changes its clocks two weeks before Berlin: for those weeks the gap is 5 hours, not 6.
    expect(convertWall("2027-03-15T09:00", "America/New_York", "Europe/Berlin")).toBe("2027-03-15T14:00");
    expect(convertWall("2027-04-05T09:00", "America/New_York", "Europe/Berlin")).toBe("2027-04-05T15:00");
  });

  it("takes a skipped hour as the hour after, a repeated one the first time", () => {
    expect(instantOfWall(utc("2027-03-28T02:30"), "Europe/Berlin")).toBe(utc("2027-03-28T01:30"));
    expect(instantOfWall(utc("2027-10-31T02:30"), "Europe/Berlin")).toBe(utc("2027-10-31T00:30"));
    expect(instantOfWall(utc("2027-11-07T01:30"), "America/New_York")).toBe(utc("2027-11-07T05:30"));
  });

  it("counts days and shifts on the wall clock", () => {
    expect(addDays("2027-03-28", 1)).toBe("2027-03-29");
    expect(addDays("2027-01-01", -1)).toBe("2026-12-31");
    expect(shiftWall("2027-03-15T09:00", "2027-03-29T09:00", "2027-03-29T10:00")).toBe("2027-03-15T10:00");
    expect(shiftWall("2027-03-15", "2027-03-29", "2027-03-31")).toBe("2027-03-17");
    expect(untilDate("20270412T215959Z", "Europe/Berlin")).toBe("2027-04-12");
    expect(untilDate("20270412T225959Z", "Europe/Berlin")).toBe("2027-04-13");
  });
});
