import { RRuleTemporal } from "rrule-temporal";
import { instantToWall, wallToInstant } from "../common/wall-clock.ts";
import { rruleParts } from "./rrule-grammar.ts";
import { MAX_RULE_STEPS } from "./schema.ts";

// Occurrences of a contract event's RRULE. As for imported calendars (ics-read.ts), the rule runs
// on the wall clock of the event's zone — there, "every Monday at 09:00" is plain arithmetic — and
// each occurrence is then read in that zone by the one rule for skipped and repeated hours
// (common/wall-clock.ts). So a weekly 09:00 in Berlin stays 09:00 there across DST, and an
// occurrence at 02:30 on the night clocks jump is read as 03:30 rather than dropped, as the bids'
// overlap figure and the slot search read such times too (decision 0007).

const DAY = 86_400_000;

export interface Series {
  startsAt: number;
  endsAt: number;
  allDay: boolean;
  timeZone: string;
  rrule: string | null;
}
export interface Span {
  start: number;
  end: number;
}

/** Wall ms as iCalendar's basic UTC form, 20270111T090000Z (the wall clock runs as if in UTC). */
export const basicUtc = (ms: number) => `${new Date(ms).toISOString().replace(/[-:]/g, "").slice(0, 15)}Z`;

/** Epoch ms of 20270131 (its midnight) or 20270131T235959Z. */
function fromBasic(value: string): number {
  const digit = (from: number, to: number) => Number(value.slice(from, to) || 0);
  return Date.UTC(digit(0, 4), digit(4, 6) - 1, digit(6, 8), digit(9, 11), digit(11, 13), digit(13, 15));
}

/**
 * The rule in its stored form for the event it repeats: UNTIL as iCalendar wants it next to the
 * event's start, a UTC instant for timed events (a date means "through that day" in the event's
 * zone) and a date for all-day ones.
 */
export function storedRule(rule: string, e: Pick<Series, "allDay" | "timeZone">): string {
  const parts = rruleParts(rule);
  const until = parts?.get("UNTIL");
  if (!parts || !until) return rule;
  if (e.allDay && until.length > 8) {
    parts.set("UNTIL", basicUtc(instantToWall(fromBasic(until), e.timeZone)).slice(0, 8));
  } else if (!e.allDay && until.length === 8) {
    parts.set("UNTIL", basicUtc(wallToInstant(fromBasic(until) + DAY, e.timeZone) - 1000));
  }
  return ruleText(parts);
}

/** Rule parts written back as an RRULE value. */
export const ruleText = (parts: Map<string, string>) =>
  [...parts].map(([key, value]) => `${key}=${value}`).join(";");

/** The stored rule with UNTIL on the event's wall clock, where the expansion runs. */
function wallRule(rule: string, timeZone: string): string {
  const parts = rruleParts(rule);
  const until = parts?.get("UNTIL");
  if (!parts || !until) return rule;
  const wall = until.length === 8 ? fromBasic(until) + DAY - 1000 : instantToWall(fromBasic(until), timeZone);
  parts.set("UNTIL", basicUtc(wall));
  return ruleText(parts);
}

function ruleOf(e: Series & { rrule: string }, wallStart: number) {
  return new RRuleTemporal({
    rruleString: `DTSTART:${basicUtc(wallStart)}\nRRULE:${wallRule(e.rrule, e.timeZone)}`,
    maxIterations: MAX_RULE_STEPS,
    includeDtstart: true,
  });
}

/**
 * Why a rule cannot repeat this event, or undefined: rrule-temporal must build it and find an
 * occurrence after the first within its step limit. A rule no date satisfies
 * (FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30) or whose UNTIL lies before the start repeats nothing.
 */
export function ruleProblem(
  e: Series & { rrule: string },
): "rrule_invalid" | "rrule_never_repeats" | undefined {
  const wallStart = instantToWall(e.startsAt, e.timeZone);
  try {
    return ruleOf(e, wallStart).next(new Date(wallStart)) ? undefined : "rrule_never_repeats";
  } catch (err) {
    return /maximum iterations/i.test(String(err)) ? "rrule_never_repeats" : "rrule_invalid";
  }
}

/** The event's occurrences that overlap [from, to), as instants, in order. */
export function occurrencesIn(e: Series, from: number, to: number): Span[] {
  if (!e.rrule) return e.endsAt > from && e.startsAt < to ? [{ start: e.startsAt, end: e.endsAt }] : [];
  const wallStart = instantToWall(e.startsAt, e.timeZone);
  // All-day events last whole days on the wall clock (a day of 23 hours in spring); timed ones
  // last the same real time, as RFC 5545 has a DATE-TIME event's duration exact.
  const span = e.allDay ? instantToWall(e.endsAt, e.timeZone) - wallStart : e.endsAt - e.startsAt;
  // The window on the wall clock moves by at most a day; an occurrence that starts up to its own
  // length before the window still reaches into it.
  const after = new Date(instantToWall(from, e.timeZone) - span - DAY);
  const before = new Date(instantToWall(to, e.timeZone) + DAY);
  let walls: number[];
  try {
    walls = ruleOf({ ...e, rrule: e.rrule }, wallStart)
      .between(after, before, true)
      .map((z) => z.epochMilliseconds);
  } catch {
    // Every stored rule found a next occurrence when written; one that runs out of steps far from
    // its start still shows its first occurrence rather than taking the whole calendar down.
    walls = [wallStart];
  }
  const out: Span[] = [];
  for (const wall of walls) {
    const start = wall === wallStart ? e.startsAt : wallToInstant(wall, e.timeZone);
    const end = e.allDay ? wallToInstant(wall + span, e.timeZone) : start + span;
    if (end > from && start < to) out.push({ start, end });
  }
  return out;
}
