import { describe, expect, it } from "vitest";
import { overlapMinutesPerDay, type WeeklySlot } from "./overlap.ts";

const weekdays = (from: string, to: string, days = ["mon", "tue", "wed", "thu", "fri"]): WeeklySlot[] =>
  days.map((day) => ({ day, from, to }));
const berlin = { timeZone: "Europe/Berlin", from: "09:00", to: "17:00" };
const JANUARY = new Date("2027-01-13T12:00:00Z");

describe("working-hour overlap", () => {
  it("is the whole window when both work the same hours in the same zone", () => {
    expect(overlapMinutesPerDay(weekdays("09:00", "17:00"), "Europe/Berlin", berlin, JANUARY)).toBe(480);
  });

  it("compares real instants across zones (New York 09–17 meets Berlin 15–17)", () => {
    expect(overlapMinutesPerDay(weekdays("09:00", "17:00"), "America/New_York", berlin, JANUARY)).toBe(120);
  });

  it("follows DST: in the weeks the US has switched and Europe has not, the gap is 5 h", () => {
    const mid = new Date("2027-03-17T12:00:00Z");
    expect(overlapMinutesPerDay(weekdays("09:00", "17:00"), "America/New_York", berlin, mid)).toBe(180);
  });

  it("counts slots that fall on the previous day in the client's zone", () => {
    // Auckland Tue–Sat 02:00–04:00 (NZDT, UTC+13) is Mon–Fri 14:00–16:00 in Berlin (CET).
    const slots = weekdays("02:00", "04:00", ["tue", "wed", "thu", "fri", "sat"]);
    expect(overlapMinutesPerDay(slots, "Pacific/Auckland", berlin, JANUARY)).toBe(120);
  });

  it("averages over the working week and does not double-count overlapping slots", () => {
    const slots = [...weekdays("08:00", "12:00", ["mon", "tue"]), { day: "mon", from: "10:00", to: "13:00" }];
    // Monday 09–13 (240) and Tuesday 09–12 (180) over five days.
    expect(overlapMinutesPerDay(slots, "Europe/Berlin", berlin, JANUARY)).toBe(84);
  });

  it("is zero without hours or with weekend hours only", () => {
    expect(overlapMinutesPerDay([], "Europe/Berlin", berlin, JANUARY)).toBe(0);
    expect(
      overlapMinutesPerDay(weekdays("09:00", "17:00", ["sat", "sun"]), "Europe/Berlin", berlin, JANUARY),
    ).toBe(0);
  });
});
