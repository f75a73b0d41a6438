import { z } from "zod";
import {
  type CalendarParty,
  type ContractEvent,
  type CreateEventInput,
  createEventSchema,
  type Occurrence,
} from "../schema.ts";
import { NO_REPEAT, type Repeat, repeatOf, rruleOf } from "./repeat.ts";
import { addDays, convertWall, shiftWall, wallOf } from "./zoned.ts";

/**
 * What the event form holds. Times are wall readings in `timeZone`; an all-day event's `end` is
 * its last day as people say it ("24.–26. Dezember"), one day before the API's exclusive end.
 */
export type EventValues = {
  title: string;
  allDay: boolean;
  start: string;
  end: string;
  timeZone: string;
  location: string;
  url: string;
  notes: string;
  repeat: Repeat;
};

/** A new event over a range picked in the calendar (or the next full hour), in the viewer's zone. */
export function newEventValues(
  range: { start: Date; end: Date; allDay: boolean },
  zone: string,
): EventValues {
  const { allDay } = range;
  return {
    title: "",
    allDay,
    start: wallOf(range.start, zone, allDay),
    end: allDay ? addDays(wallOf(range.end, zone, true), -1) : wallOf(range.end, zone),
    timeZone: zone,
    location: "",
    url: "",
    notes: "",
    repeat: NO_REPEAT,
  };
}

/** The next full hour for an hour, for the "new appointment" button. */
export function nextHour(now = new Date()): { start: Date; end: Date; allDay: false } {
  const start = new Date(Math.ceil(now.getTime() / 3_600_000) * 3_600_000);
  return { start, end: new Date(start.getTime() + 3_600_000), allDay: false };
}

export function eventValues(e: ContractEvent): EventValues {
  return {
    title: e.title,
    allDay: e.allDay,
    start: e.start,
    end: e.allDay ? addDays(e.end, -1) : e.end,
    timeZone: e.timeZone,
    location: e.location,
    url: e.url ?? "",
    notes: e.notes,
    repeat: repeatOf(e.rrule, e.timeZone),
  };
}

/** One occurrence of a series in the form: its own times and fields, the series' for the rest. */
export function occurrenceValues(e: ContractEvent, o: Occurrence): EventValues {
  const series = eventValues(e);
  const end = wallOf(o.endsAt, e.timeZone, e.allDay);
  return {
    ...series,
    title: o.title ?? e.title,
    start: wallOf(o.startsAt, e.timeZone, e.allDay),
    end: e.allDay ? addDays(end, -1) : end,
    location: o.location ?? e.location,
    url: o.url === undefined ? series.url : (o.url ?? ""),
    notes: o.notes ?? e.notes,
  };
}

/**
 * A change made on one occurrence, for the whole series: the series' own start and end, moved by
 * as much as the occurrence's were (the form shows the occurrence, the series starts earlier).
 */
export function seriesChange(
  e: ContractEvent,
  shown: z.input<typeof createEventSchema>,
  body: CreateEventInput,
): CreateEventInput {
  return movedLikeForm(e, { start: e.start, end: e.end }, shown, body);
}

/**
 * A change to an occurrence "and all that follow", as the new series' start: the occurrence's
 * place in the series moved as far as the form was moved. An occurrence moved on its own before
 * (Tuesday instead of Monday) does not carry its move into the rest of the series.
 */
export function followingChange(
  e: ContractEvent,
  originalStartsAt: string,
  shown: z.input<typeof createEventSchema>,
  body: CreateEventInput,
): CreateEventInput {
  const start = wallOf(originalStartsAt, e.timeZone, e.allDay);
  return movedLikeForm(e, { start, end: shiftWall(e.end, e.start, start) }, shown, body);
}

/** `base` (walls on the event's clock) moved as far as the form was moved from what it showed. */
function movedLikeForm(
  e: ContractEvent,
  base: { start: string; end: string },
  shown: z.input<typeof createEventSchema>,
  body: CreateEventInput,
): CreateEventInput {
  // Switched between all-day and timed: the occurrence's day becomes the series' start.
  if (body.allDay !== e.allDay) return body;
  const inZone = (wall: string) => (e.allDay ? wall : convertWall(wall, e.timeZone, body.timeZone));
  return {
    ...body,
    start: shiftWall(inZone(base.start), inZone(shown.start), body.start),
    end: shiftWall(inZone(base.end), inZone(shown.end), body.end),
  };
}

/** The body the API takes. */
export function eventBody(v: EventValues): z.input<typeof createEventSchema> {
  return {
    title: v.title,
    allDay: v.allDay,
    start: v.start,
    end: v.allDay ? addDays(v.end, 1) : v.end,
    timeZone: v.timeZone,
    location: v.location,
    url: v.url.trim() || null,
    notes: v.notes,
    rrule: rruleOf(v.repeat),
  };
}

/** Switching all-day on or off: dates become the day's midnight to the next hour, and back. */
export function withAllDay(v: EventValues, allDay: boolean): EventValues {
  if (allDay === v.allDay) return v;
  if (allDay) return { ...v, allDay, start: v.start.slice(0, 10), end: v.end.slice(0, 10) };
  return { ...v, allDay, start: `${v.start}T09:00`, end: `${v.end}T10:00` };
}

/** Another zone for the event: the same instants, read on that zone's clock (dates stay dates). */
export function withTimeZone(v: EventValues, zone: string): EventValues {
  if (v.allDay || !v.start || !v.end) return { ...v, timeZone: zone };
  return {
    ...v,
    timeZone: zone,
    start: convertWall(v.start, v.timeZone, zone),
    end: convertWall(v.end, v.timeZone, zone),
  };
}

/** The zones the form offers: the event's own and both parties', each once. */
export function zoneChoices(current: string, parties: CalendarParty[]): string[] {
  return [...new Set([current, ...parties.map((p) => p.timeZone)])];
}

/**
 * The form's check: a repeat "until" a day needs the day; then the body it sends, checked by the
 * API's own schema, so its errors (on start, end, url, rrule, …) read as the server's would.
 */
export const eventFormSchema = z
  .custom<EventValues>()
  .superRefine((v, ctx) => {
    const { choice, ends, until } = v.repeat;
    if (choice !== "none" && choice !== "custom" && ends === "until" && !until) {
      ctx.addIssue({ code: "custom", path: ["until"], message: "required" });
    }
  })
  .transform(eventBody)
  .pipe(createEventSchema);
