import { WEEKDAYS } from "../schema.ts";

export type Weekday = (typeof WEEKDAYS)[number];
export interface Slot {
  day: Weekday;
  from: string;
  to: string;
}

// 2024-01-01 was a Monday: day n of WEEKDAYS falls on 2024-01-0(n+1), named by Intl in any language.
const MONDAY = Date.UTC(2024, 0, 1);

/** "Montag" / "Monday": the weekday's name in the interface language. */
export function weekdayName(day: Weekday, locale: string, width: "long" | "short" = "long"): string {
  const date = new Date(MONDAY + WEEKDAYS.indexOf(day) * 86_400_000);
  return new Intl.DateTimeFormat(locale, { weekday: width, timeZone: "UTC" }).format(date);
}

/** The week from Monday, each working day with its slots in time order; days off are left out. */
export function hoursByDay(slots: readonly Slot[]): { day: Weekday; slots: Slot[] }[] {
  return WEEKDAYS.map((day) => ({
    day,
    slots: slots.filter((slot) => slot.day === day).sort((a, b) => a.from.localeCompare(b.from)),
  })).filter((entry) => entry.slots.length > 0);
}

/** A new slot for a day: after the day's last one, else a usual office morning. */
export function nextSlot(slots: readonly Slot[], day: Weekday): Slot {
  const last = hoursByDay(slots)
    .find((entry) => entry.day === day)
    ?.slots.at(-1);
  if (!last || last.to >= "22:00") return { day, from: "09:00", to: "17:00" };
  const [hours = 0, minutes = 0] = last.to.split(":").map(Number);
  const to = `${String(Math.min(hours + 2, 23)).padStart(2, "0")}:${String(minutes).padStart(2, "0")}`;
  return { day, from: last.to, to };
}
