import { describe, expect, it } from "vitest";
import { clock, dayKey, groupByDay, otherClock } from "./zoned.ts";

describe("times in a named zone", () => {
  const start = "2025-03-14T09:00:00.000Z";
  it("shows the clock of each zone", () => {
    expect(clock(start, "Europe/Berlin", "de")).toBe("10:00");
    expect(clock(start, "Asia/Manila", "de")).toBe("17:00");
  });
  it("names the other's weekday when their date differs", () => {
    const late = "2025-03-14T20:00:00.000Z";
    expect(otherClock(late, "Europe/Berlin", "Asia/Manila", "en-GB")).toMatch(/Sat.*04:00/);
    expect(otherClock(start, "Europe/Berlin", "Asia/Manila", "en-GB")).toBe("17:00");
  });
  it("groups by the viewer's day", () => {
    const slots = [{ start: "2025-03-14T23:30:00.000Z" }, { start }, { start: "2025-03-14T22:30:00.000Z" }];
    const groups = groupByDay(slots, "Europe/Berlin", "de");
    expect(groups.map((g) => [g.key, g.items.length])).toEqual([
      ["2025-03-14", 2],
      ["2025-03-15", 1],
    ]);
    expect(dayKey(start, "Pacific/Honolulu")).toBe("2025-03-13");
  });
});
