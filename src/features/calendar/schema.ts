import { z } from "zod";
import { timeZoneSchema } from "../accounts/schema.ts";
import { isoDateSchema } from "../common/schema.ts";
import { clockTimeSchema, endTimeSchema, weeklyHoursSchema } from "../profiles/schema.ts";

/** The lengths an interview may be booked for, in minutes. */
export const INTERVIEW_DURATIONS = [30, 60] as const;
export type InterviewDuration = (typeof INTERVIEW_DURATIONS)[number];

/**
 * A date that differs from the weekly hours, in the person's own zone. Without `from`/`to` the
 * whole day is off; with them, that window is the day's only availability and replaces the weekly
 * hours of that date (several windows on one date add up; a day-off entry on the date wins).
 * Hours never run past midnight in one entry: a night shift is two entries, the first ending "24:00".
 */
export const availabilityExceptionSchema = z
  .strictObject({
    date: isoDateSchema,
    from: clockTimeSchema.optional(),
    to: endTimeSchema.optional(),
  })
  .refine((e) => (e.from === undefined) === (e.to === undefined), { message: "time_range_invalid" })
  .refine((e) => e.from === undefined || e.to === undefined || e.from < e.to, {
    message: "time_range_invalid",
  });
export type AvailabilityException = z.infer<typeof availabilityExceptionSchema>;

/** When someone can meet: weekly hours (as on the profile) and exceptions in their zone, and a gap around busy time. */
export const availabilitySchema = z.strictObject({
  timeZone: timeZoneSchema,
  weeklyHours: weeklyHoursSchema,
  // A year of holidays and changed days is plenty; more is a client bug.
  exceptions: z.array(availabilityExceptionSchema).max(400).default([]),
  bufferMinutes: z.number().int().min(0).max(240).default(0),
});
export type Availability = z.infer<typeof availabilitySchema>;

// The contract calendar's contracts live beside it; re-exported so the web app finds them here.
export * from "./events-schema.ts";
export * from "./occurrences-schema.ts";

/** 5 MiB: a decade of a busy person's calendar exports to well under 1 MiB. */
export const MAX_ICS_BYTES = 5 * 1024 * 1024;
/** Steps one RRULE may take to cover the window (rrule-temporal's maxIterations); beyond is refused as too large. */
export const MAX_RULE_STEPS = 10_000;

/** An event of a contract's calendar made, changed or deleted by the other party (every type: common/shared-schema.ts). */
export const CALENDAR_NOTICES = ["calendar.event_changed"] as const;
