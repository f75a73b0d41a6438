import { type Interval, intersect } from "../common/intervals.ts";
import type { WEEKDAYS } from "../profiles/schema.ts";
import { workingTime } from "./slots.ts";

// When both parties of a contract work, for the calendar to highlight. Hours are wall-clock times
// in each person's own zone, turned into instants day by day as the slot search does (slots.ts).

type Weekday = (typeof WEEKDAYS)[number];

export interface WorkingHours {
  timeZone: string;
  weeklyHours: { day: Weekday; from: string; to: string }[];
  /** True when the person stored no hours and an office week is assumed. */
  assumed: boolean;
}

/** An office week, Monday to Friday 09:00–17:00, for someone who stored no hours of their own. */
export const ASSUMED_WEEKLY_HOURS: WorkingHours["weeklyHours"] = (
  ["mon", "tue", "wed", "thu", "fri"] as const
).map((day) => ({ day, from: "09:00", to: "17:00" }));

/**
 * A person's hours: the assistant's profile hours in the profile's zone where there are any. Clients
 * store no working hours anywhere (their profile has a zone, no hours), and an assistant may not
 * have filled them in: both are taken to work an office week in their account's zone.
 */
export function workingHoursOf(
  profile: { timeZone: string; weeklyHours: { day: string; from: string; to: string }[] } | null,
  accountTimeZone: string,
): WorkingHours {
  if (profile?.weeklyHours.length) {
    return {
      timeZone: profile.timeZone,
      weeklyHours: profile.weeklyHours as WorkingHours["weeklyHours"],
      assumed: false,
    };
  }
  return { timeZone: accountTimeZone, weeklyHours: ASSUMED_WEEKLY_HOURS, assumed: true };
}

/** The instants within [from, to) at which both people work, merged and sorted. */
export function overlapWindows(a: WorkingHours, b: WorkingHours, from: number, to: number): Interval[] {
  const hours = (p: WorkingHours) =>
    workingTime(
      { timeZone: p.timeZone, weeklyHours: p.weeklyHours, exceptions: [], bufferMinutes: 0 },
      from,
      to,
    );
  return intersect(hours(a), hours(b));
}
