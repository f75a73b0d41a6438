import { describe, expect, it } from "vitest";
import { availabilitySchema } from "./schema.ts";

const parse = (input: unknown) => availabilitySchema.safeParse(input);
const base = { timeZone: "Europe/Berlin", weeklyHours: [{ day: "mon", from: "09:00", to: "17:00" }] };

describe("availability contract", () => {
  it("takes weekly hours as on the profile, and defaults no exceptions and no buffer", () => {
    expect(parse(base).data).toEqual({ ...base, exceptions: [], bufferMinutes: 0 });
  });

  it("takes a day off, a changed day, and a window that ends at 24:00", () => {
    const exceptions = [{ date: "2026-12-24" }, { date: "2026-12-31", from: "20:00", to: "24:00" }];
    expect(parse({ ...base, exceptions }).success).toBe(true);
  });

  it("refuses overnight hours in one entry, half a window, and a bad date or zone", () => {
    expect(parse({ ...base, weeklyHours: [{ day: "mon", from: "22:00", to: "06:00" }] }).success).toBe(false);
    expect(parse({ ...base, exceptions: [{ date: "2026-12-31", from: "20:00" }] }).success).toBe(false);
    expect(parse({ ...base, exceptions: [{ date: "2026-12-31", from: "20:00", to: "19:00" }] }).success).toBe(
      false,
    );
    expect(parse({ ...base, exceptions: [{ date: "2026-02-30" }] }).success).toBe(false);
    expect(parse({ ...base, timeZone: "Mars/Olympus" }).success).toBe(false);
  });
});
