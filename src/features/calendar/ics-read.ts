import ICAL from "ical.js";
import { RRuleTemporal } from "rrule-temporal";
import { merged } from "../common/intervals.ts";
import { offsetAt } from "../common/wall-clock.ts";
import { checkBounds, type JCal } from "./ics-bounds.ts";
import { IcsError } from "./ics-error.ts";
import { type Clock, clockOf, ianaClock, instantOf, wallOf } from "./ics-zones.ts";

// Busy time from an imported calendar (an .ics export or a subscribed feed), for the slot search.
// ical.js parses (strictly: a broken file is refused, not half read) and reads VTIMEZONEs;
// rrule-temporal expands RRULEs. ical.js's own expansion can spin forever inside one step on a
// rule no date satisfies (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30) and walks every occurrence from
// DTSTART; rrule-temporal jumps to the window and stops itself after MAX_RULE_STEPS.
//
// What counts: every VEVENT that is not STATUS:CANCELLED or TRANSP:TRANSPARENT, its RRULE and
// RDATE occurrences less EXDATEs, with each RECURRENCE-ID override standing in for the occurrence
// it replaces (a cancelled override just removes it). An all-day event blocks the whole day, and
// floating times are read, in the zone of the calendar's owner (`timeZone`, UTC if not given): it
// is their day off, wherever the calendar was made. An event without an end is an instant
// (nothing busy) unless it is all-day (one day).
//
// The text is untrusted and this runs synchronously: the server calls it only in a worker thread
// (ics-pool.ts). Files past the bounds of ics-bounds.ts are refused before any time is converted.

export { IcsError, type IcsReason } from "./ics-error.ts";
export interface BusyWindow {
  from: number;
  to: number;
  timeZone?: string;
}

import { MAX_ICS_BYTES, MAX_RULE_STEPS } from "./schema.ts";

export { MAX_ICS_BYTES, MAX_RULE_STEPS };
/** Occurrences in the window over all events; a real calendar has a few hundred a month. */
export const MAX_OCCURRENCES = 50_000;
/** Starts (RRULE steps near the window, RDATEs) read over all events, in the window or not. */
export const MAX_STARTS = 200_000;

const DAY = 86_400_000;
const basic = (wall: number) => `${new Date(wall).toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;

interface Series {
  /** Start (wall ms) of each occurrence from DTSTART, RRULE and RDATE near the window. */
  starts: number[];
  clock: Clock;
  allDay: boolean;
  /** Length: wall ms for all-day events (whole days), real ms for timed ones. */
  span: number;
}

/** An event's occurrences near the window, on its wall clock. */
function series(event: ICAL.Component, window: BusyWindow, floating: Clock): Series {
  const dtstart = event.getFirstProperty("dtstart");
  const start = dtstart?.getFirstValue();
  if (!dtstart || !(start instanceof ICAL.Time)) {
    throw new IcsError("ics.malformed", "VEVENT without DTSTART");
  }
  const clock = clockOf(start, dtstart, floating);
  const span = length(event, dtstart, start, floating);
  const first = wallOf(start);
  const starts = [first];
  // In wall time the window moves by at most a day (offsets stay within ±14 h); an occurrence
  // that starts up to its own length before the window still reaches into it.
  const after = new Date(clock.toWall(window.from) - span - DAY);
  const before = new Date(clock.toWall(window.to) + DAY);
  for (const property of event.getAllProperties("rrule")) {
    const recur = property.getFirstValue() as ICAL.Recur;
    // UNTIL is UTC for zoned events; the rule runs on the wall clock, so UNTIL must too.
    if (recur.until && recur.until.zone === ICAL.Timezone.utcTimezone && !start.isDate) {
      const wall = clock.toWall(recur.until.toUnixTime() * 1000);
      recur.until = ICAL.Time.fromJSDate(new Date(wall), true);
    }
    const rule = new RRuleTemporal({
      rruleString: `DTSTART:${basic(first)}\nRRULE:${recur.toString()}`,
      maxIterations: MAX_RULE_STEPS,
      includeDtstart: true,
    });
    for (const z of rule.between(after, before, true)) starts.push(z.epochMilliseconds);
  }
  for (const property of event.getAllProperties("rdate")) {
    for (const value of property.getValues()) {
      const time = value instanceof ICAL.Period ? value.start : value;
      if (time instanceof ICAL.Time) starts.push(clock.toWall(instantOf(time, property, floating)));
    }
  }
  return { starts: [...new Set(starts)], clock, allDay: start.isDate, span };
}

/** Instants (DATE-TIME) and wall dates (DATE) that a property list takes out of a series. */
function excluded(properties: ICAL.Property[], floating: Clock) {
  const instants = new Set<number>();
  const dates = new Set<number>();
  for (const property of properties) {
    for (const value of property.getValues()) {
      if (!(value instanceof ICAL.Time)) continue;
      if (value.isDate) dates.add(wallOf(value));
      else instants.add(instantOf(value, property, floating));
    }
  }
  return { instants, dates };
}

/** Length of the event: all-day events in wall ms (whole days), timed ones in real ms. */
function length(event: ICAL.Component, dtstart: ICAL.Property, start: ICAL.Time, floating: Clock): number {
  const dtend = event.getFirstProperty("dtend");
  const end = dtend?.getFirstValue();
  if (dtend && end instanceof ICAL.Time) {
    if (start.isDate) return wallOf(end) - wallOf(start);
    return instantOf(end, dtend, floating) - instantOf(start, dtstart, floating);
  }
  const duration = event.getFirstPropertyValue("duration");
  if (duration instanceof ICAL.Duration) return duration.toSeconds() * 1000;
  return start.isDate ? DAY : 0;
}

function parse(text: string): ICAL.Component[] {
  // Checked before parsing: characters never outnumber bytes, so the cheap test comes first.
  if (text.length > MAX_ICS_BYTES || Buffer.byteLength(text, "utf8") > MAX_ICS_BYTES) {
    throw new IcsError("ics.too_large", "calendar larger than 5 MiB");
  }
  let jcal: unknown[];
  try {
    jcal = ICAL.parse(text) as unknown[];
  } catch (err) {
    throw new IcsError("ics.malformed", `not iCalendar: ${(err as Error).message}`);
  }
  const trees = (Array.isArray(jcal[0]) ? jcal : [jcal]) as JCal[];
  if (trees.length === 0 || trees.some((tree) => tree[0] !== "vcalendar")) {
    throw new IcsError("ics.malformed", "not a VCALENDAR");
  }
  checkBounds(trees);
  return trees.flatMap((tree) => new ICAL.Component(tree).getAllSubcomponents("vevent"));
}

const counts = (event: ICAL.Component) =>
  event.getFirstPropertyValue("status") !== "CANCELLED" &&
  event.getFirstPropertyValue("transp") !== "TRANSPARENT";
const uid = (event: ICAL.Component) => String(event.getFirstPropertyValue("uid"));

function collect(events: ICAL.Component[], window: BusyWindow, floating: Clock): [number, number][] {
  // The occurrences each UID's overrides replace, taken out of its series like EXDATEs: read once
  // per UID, since a file may give one UID any number of series and overrides.
  const overrides = new Map<string, ICAL.Property[]>();
  for (const event of events) {
    const id = event.getFirstProperty("recurrence-id");
    if (!id) continue;
    const list = overrides.get(uid(event));
    if (list) list.push(id);
    else overrides.set(uid(event), [id]);
  }
  const replaced = new Map<string, ReturnType<typeof excluded>>();
  const replacedOf = (id: string) => {
    const known = replaced.get(id);
    if (known) return known;
    const skip = excluded(overrides.get(id) ?? [], floating);
    replaced.set(id, skip);
    return skip;
  };
  const busy: [number, number][] = [];
  let read = 0;
  for (const event of events) {
    if (!counts(event)) continue;
    const { starts, clock, allDay, span } = series(event, window, floating);
    read += starts.length;
    if (read > MAX_STARTS) throw new IcsError("ics.too_large", "too many occurrences in the calendar");
    const own = excluded(event.getAllProperties("exdate"), floating);
    const others = event.hasProperty("recurrence-id") ? undefined : replacedOf(uid(event));
    const skipped = (start: number, day: number) =>
      own.instants.has(start) ||
      own.dates.has(day) ||
      others?.instants.has(start) === true ||
      others?.dates.has(day) === true;
    for (const wall of starts) {
      const start = clock.toInstant(wall);
      if (skipped(start, Math.floor(wall / DAY) * DAY)) continue;
      const end = allDay ? clock.toInstant(wall + span) : start + span;
      if (end > start && end > window.from && start < window.to) {
        busy.push([Math.max(start, window.from), Math.min(end, window.to)]);
      }
    }
    if (busy.length > MAX_OCCURRENCES) {
      throw new IcsError("ics.too_large", "too many occurrences in the window");
    }
  }
  return busy;
}

/** Busy intervals (UTC ms, merged, clipped to the window) of an iCalendar text; see the rules above. */
export function busyFromIcs(text: string, window: BusyWindow): { start: number; end: number }[] {
  const timeZone = window.timeZone ?? "UTC";
  offsetAt(timeZone, window.from); // an unknown owner zone is the caller's mistake: RangeError, not ics.malformed
  const events = parse(text);
  try {
    const busy = collect(events, window, ianaClock(timeZone));
    return merged(busy).map(([start, end]) => ({ start, end }));
  } catch (err) {
    if (err instanceof IcsError) throw err;
    const message = err instanceof Error ? err.message : String(err);
    // rrule-temporal's own stop (MAX_RULE_STEPS) is the one error that means "too much", not "broken".
    if (/maximum iterations/i.test(message)) {
      throw new IcsError("ics.too_large", `a rule repeats too often: ${message}`);
    }
    throw new IcsError("ics.malformed", message);
  }
}
