import { z } from "zod";
import { timeZoneSchema } from "../accounts/schema.ts";
import { instantSchema, plainText } from "../common/schema.ts";
import { WEEKDAYS } from "../profiles/schema.ts";
import { normalizeRrule, rruleProblem } from "./rrule-grammar.ts";

export { MAX_RRULE_COUNT, rruleParts } from "./rrule-grammar.ts";

// The contract calendar's API contracts, shared by the routes and the web form (re-exported by
// schema.ts, which browser code may import). An event is written as wall-clock readings in a named
// zone, as iCalendar writes DTSTART;TZID=…: "2027-01-11T09:00" in "Europe/Berlin". The server reads
// them by the one rule for skipped and repeated hours (common/wall-clock.ts) and stores instants.

/** The widest window the calendar lists at once: a year and a bit, for a year view or an export. */
export const MAX_LIST_DAYS = 400;
/** The widest window of working-hour overlap asked at once: a month view shows six weeks. */
export const MAX_CONTEXT_DAYS = 62;
export const EVENT_TITLE_MAX = 200;
export const EVENT_NOTES_MAX = 5_000;

const WALL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WALL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T([01]\d|2[0-3]):([0-5]\d)$/;

/** The parts of "YYYY-MM-DD" or "YYYY-MM-DDTHH:mm" when it names a real day, else undefined. */
export function wallParts(value: string) {
  const m = WALL_DATE_TIME.exec(value) ?? WALL_DATE.exec(value);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day)
    return undefined;
  return {
    year,
    month,
    day,
    hour: Number(m[4] ?? 0),
    minute: Number(m[5] ?? 0),
    hasTime: m[4] !== undefined,
  };
}

/**
 * A wall-clock reading: a date for all-day events, a date and a time otherwise. Which of the two
 * depends on allDay, so the form is checked with it (eventTimeProblems), also after an update.
 */
const wallSchema = z.string().max(16, { message: "datetime_invalid" });

const httpUrlSchema = z
  .url({ protocol: /^https?$/, message: "url_invalid" })
  .max(2_000, { message: "too_long" });

export const rruleSchema = z
  .string()
  .max(500, { message: "too_long" })
  .transform(normalizeRrule)
  .superRefine((rule, ctx) => {
    const problem = rruleProblem(rule);
    if (problem) ctx.addIssue({ code: "custom", message: problem });
  });

/** The editable fields of an event, without defaults (an update sends only what changes). */
const eventFields = {
  title: plainText(EVENT_TITLE_MAX),
  allDay: z.boolean(),
  /** Start in `timeZone`: "2027-01-11T09:00", or "2027-01-11" for an all-day event. */
  start: wallSchema,
  /** End in `timeZone`, after the start; for an all-day event the day after the last (as iCalendar's DTEND). */
  end: wallSchema,
  /** The zone the times are read in and a recurring event keeps its clock time in (IANA name). */
  timeZone: timeZoneSchema,
  location: z.string().trim().max(500, { message: "too_long" }),
  /** A meeting link; only http(s), so nothing else can ride along as a clickable link. */
  url: httpUrlSchema.nullable(),
  /** Plain text, as typed (Markdown is shown as written). */
  notes: z.string().trim().max(EVENT_NOTES_MAX, { message: "too_long" }),
  /** RFC 5545 RRULE without DTSTART ("FREQ=WEEKLY;UNTIL=20270331"), or null for a one-off event. */
  rrule: rruleSchema.nullable(),
};

export interface EventTimes {
  allDay: boolean;
  start: string;
  end: string;
}

/**
 * What is wrong with an event's times as a whole (start and end of the right kind, end after
 * start), as field errors: the create schema and the server's merge of an update both use it.
 */
export function eventTimeProblems(e: EventTimes): { field: "start" | "end"; code: string }[] {
  const problems: { field: "start" | "end"; code: string }[] = [];
  const kind = e.allDay ? "date_invalid" : "datetime_invalid";
  const start = wallParts(e.start);
  const end = wallParts(e.end);
  if (!start || start.hasTime === e.allDay) problems.push({ field: "start", code: kind });
  if (!end || end.hasTime === e.allDay) problems.push({ field: "end", code: kind });
  // Same format on both sides, so the strings sort as the readings do.
  if (!problems.length && e.end <= e.start) problems.push({ field: "end", code: "end_before_start" });
  return problems;
}

const withValidTimes = <T extends EventTimes>(e: T, ctx: z.RefinementCtx) => {
  for (const p of eventTimeProblems(e)) ctx.addIssue({ code: "custom", path: [p.field], message: p.code });
};

export const createEventSchema = z
  .strictObject({
    ...eventFields,
    allDay: eventFields.allDay.default(false),
    location: eventFields.location.default(""),
    url: eventFields.url.default(null),
    notes: eventFields.notes.default(""),
    rrule: eventFields.rrule.default(null),
  })
  .superRefine(withValidTimes);
export type CreateEventInput = z.infer<typeof createEventSchema>;

/** Only the fields sent change; the times are checked again together with the stored ones. */
export const updateEventSchema = z
  .strictObject(eventFields)
  .partial()
  .refine((u) => Object.keys(u).length > 0, { message: "required" });
export type UpdateEventInput = z.infer<typeof updateEventSchema>;

export { instantSchema };

/** A window [from, to) of instants, at most `days` long. */
const windowSchema = (days: number) =>
  z
    .object({ from: instantSchema, to: instantSchema })
    .refine((w) => Date.parse(w.to) > Date.parse(w.from), { path: ["to"], message: "end_before_start" })
    .refine((w) => Date.parse(w.to) - Date.parse(w.from) <= days * 86_400_000, {
      path: ["to"],
      message: "range_too_long",
    });

export const eventListQuerySchema = windowSchema(MAX_LIST_DAYS);
export const calendarContextQuerySchema = windowSchema(MAX_CONTEXT_DAYS);

export const contractEventParamsSchema = z.object({
  contractId: z.uuid({ message: "id_invalid" }),
  eventId: z.uuid({ message: "id_invalid" }),
});
export const contractParamsSchema = z.object({ contractId: z.uuid({ message: "id_invalid" }) });

export const contractEventSchema = z.object({
  id: z.uuid(),
  contractId: z.uuid(),
  createdBy: z.string(),
  title: z.string(),
  allDay: z.boolean(),
  /** As written: wall-clock readings in `timeZone`. */
  start: z.string(),
  end: z.string(),
  timeZone: z.string(),
  /** The first occurrence as instants (UTC). */
  startsAt: z.string(),
  endsAt: z.string(),
  location: z.string(),
  url: z.string().nullable(),
  notes: z.string(),
  rrule: z.string().nullable(),
  sequence: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ContractEvent = z.infer<typeof contractEventSchema>;

/**
 * One occurrence of an event in the window (a one-off event has one, its own). An occurrence of a
 * series names where the series puts it, and carries the fields changed for it alone.
 */
export const occurrenceSchema = z.object({
  eventId: z.uuid(),
  startsAt: z.string(),
  endsAt: z.string(),
  originalStartsAt: z
    .string()
    .optional()
    .describe(
      "Series only: where the rule puts this occurrence (UTC), its RECURRENCE-ID; the key to change or delete it alone",
    ),
  title: z.string().optional().describe("Set when this occurrence has a title of its own"),
  location: z.string().optional().describe("Set when this occurrence has a location of its own"),
  url: z
    .string()
    .nullable()
    .optional()
    .describe("Set when this occurrence has a link of its own (null: none)"),
  notes: z.string().optional().describe("Set when this occurrence has notes of its own"),
});
export type Occurrence = z.infer<typeof occurrenceSchema>;

/** The events that occur in the window, and each of their occurrences in it, sorted by start. */
export const eventListSchema = z.object({
  events: z.array(contractEventSchema),
  occurrences: z.array(occurrenceSchema),
});
export type EventList = z.infer<typeof eventListSchema>;

export const PARTY_ROLES = ["client", "assistant"] as const;

export const calendarPartySchema = z.object({
  userId: z.string(),
  name: z.string(),
  role: z.enum(PARTY_ROLES),
  /** The zone the person sees times in (their account's). */
  timeZone: z.string(),
  /** The weekly hours the overlap is made of, in their own zone; `assumed` when none are stored. */
  workingHours: z.object({
    timeZone: z.string(),
    weeklyHours: z.array(z.object({ day: z.enum(WEEKDAYS), from: z.string(), to: z.string() })),
    assumed: z.boolean(),
  }),
});
export type CalendarParty = z.infer<typeof calendarPartySchema>;

export const calendarContextSchema = z.object({
  contractId: z.uuid(),
  jobTitle: z.string(),
  status: z.string(),
  viewer: calendarPartySchema,
  other: calendarPartySchema,
  /** When both parties work, within the asked window, as instants (UTC). */
  overlap: z.array(z.object({ startsAt: z.string(), endsAt: z.string() })),
});
export type CalendarContext = z.infer<typeof calendarContextSchema>;
