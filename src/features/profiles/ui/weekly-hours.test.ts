import { describe, expect, it } from "vitest";
import { hoursByDay, nextSlot, weekdayName } from "./weekly-hours.ts";

describe("weekdayName", () => {
  it("names each weekday in the interface language", () => {
    expect(weekdayName("mon", "de")).toBe("Montag");
    expect(weekdayName("sun", "en")).toBe("Sunday");
    expect(weekdayName("wed", "de", "short")).toBe("Mi");
  });
});

describe("hoursByDay", () => {
  it("orders days from Monday and slots by start, leaving out days off", () => {
    const grouped = hoursByDay([
      { day: "fri", from: "13:00", to: "17:00" },
      { day: "mon", from: "14:00", to: "18:00" },
      { day: "mon", from: "08:00", to: "12:00" },
    ]);
    expect(grouped.map((g) => g.day)).toEqual(["mon", "fri"]);
    expect(grouped[0]?.slots.map((s) => s.from)).toEqual(["08:00", "14:00"]);
  });
});

describe("nextSlot", () => {
  it("starts an empty day with office hours", () => {
    expect(nextSlot([], "tue")).toEqual({ day: "tue", from: "09:00", to: "17:00" });
  });

  it("continues after the day's last slot", () => {
    expect(nextSlot([{ day: "tue", from: "08:00", to: "12:30" }], "tue")).toEqual({
      day: "tue",
      from: "12:30",
      to: "14:30",
    });
  });

  it("does not run past midnight", () => {
    expect(nextSlot([{ day: "tue", from: "18:00", to: "21:30" }], "tue").to).toBe("23:30");
    expect(nextSlot([{ day: "tue", from: "18:00", to: "23:00" }], "tue").from).toBe("09:00");
  });
});
