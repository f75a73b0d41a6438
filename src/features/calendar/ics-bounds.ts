import { IcsError } from "./ics-error.ts";

// What an imported calendar may ask of the reader, checked on ical.js's parse tree (jCal) before
// any time is converted. ical.js expands a VTIMEZONE's STANDARD/DAYLIGHT rule from its DTSTART up
// to the year it converts, one step per occurrence and with no limit of its own: a zone rule of
// FREQ=SECONDLY from 1970 is two billion steps and gigabytes of memory for a file of 346 bytes.
// Real zones change their offset once or twice a year (YEARLY, BYMONTH + BYDAY), so anything
// finer is refused, and so are files with far more components, zones or nesting than any
// calendar program writes. The reader's worker (ics-pool.ts) still has a deadline and a memory
// cap for what gets past these.

/** Components in one file; a decade of a busy person's calendar has about a tenth of this. */
export const MAX_COMPONENTS = 25_000;
/** VTIMEZONEs in one file; exporters write one per zone the events use. */
export const MAX_TIMEZONES = 50;
/** VCALENDAR › VEVENT › VALARM is three deep; RFC 9073's VLOCATION in a PARTICIPANT is four. */
export const MAX_DEPTH = 6;
/** RRULEs on one event (RFC 5545: SHOULD NOT be more than one). */
export const MAX_EVENT_RULES = 4;
/** Offset changes a zone's rules may produce per year (counted generously: every BY value). */
export const MAX_ZONE_CHANGES_PER_YEAR = 64;

const ZONE_FREQUENCIES = new Set(["YEARLY", "MONTHLY"]);
/** BY parts that pick times within a day: each multiplies a zone rule's steps, and no zone uses them. */
const TIME_OF_DAY_PARTS = ["byhour", "byminute", "bysecond"];
/** BY parts that pick days; their value counts multiply into the changes per year. */
const DAY_PARTS = ["bymonthday", "byyearday", "byweekno"];

type Recur = Record<string, unknown>;
export type JCal = [string, JCalProperty[], JCal[]];
type JCalProperty = [string, Record<string, unknown>, string, ...unknown[]];

const tooComplex = (message: string) => new IcsError("ics.too_complex", message);
const valuesOf = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

/**
 * Days one BYDAY value picks per period: "-1SU" one; a bare "SU" every Sunday of the month or
 * year, unless BYMONTHDAY or BYYEARDAY pick the days (then it filters) or BYWEEKNO the weeks.
 */
function weekdayCount(recur: Recur, value: unknown, inMonths: boolean): number {
  if (/^[+-]?\d/.test(String(value))) return 1;
  if ("bymonthday" in recur || "byyearday" in recur || "byweekno" in recur) return 1;
  return inMonths ? 5 : 53;
}

/** The offset changes per year one zone rule (a jCal recur value) may produce; throws past the bounds. */
function changesPerYear(recur: Recur): number {
  if (recur.freq === undefined) throw new IcsError("ics.malformed", "a VTIMEZONE rule without FREQ");
  const freq = String(recur.freq);
  if (!ZONE_FREQUENCIES.has(freq)) {
    throw tooComplex(`a VTIMEZONE rule repeats more often than monthly (FREQ=${freq})`);
  }
  const timed = TIME_OF_DAY_PARTS.find((part) => part in recur);
  if (timed) throw tooComplex(`a VTIMEZONE rule picks times of day (${timed.toUpperCase()})`);
  const inMonths = freq === "MONTHLY" || "bymonth" in recur;
  const months = "bymonth" in recur ? valuesOf(recur.bymonth).length : freq === "MONTHLY" ? 12 : 1;
  const days = DAY_PARTS.reduce((n, part) => (part in recur ? n * valuesOf(recur[part]).length : n), 1);
  const weekdays =
    "byday" in recur
      ? valuesOf(recur.byday).reduce<number>((n, v) => n + weekdayCount(recur, v, inMonths), 0)
      : 1;
  return months * days * weekdays;
}

/** One VTIMEZONE's rules together (ical.js expands every child that has them, whatever its name). */
function checkZone(zone: JCal) {
  let perYear = 0;
  for (const observance of zone[2]) {
    for (const property of observance[1]) {
      if (property[0] !== "rrule") continue;
      for (const recur of property.slice(3)) perYear += changesPerYear(recur as Record<string, unknown>);
    }
  }
  if (perYear > MAX_ZONE_CHANGES_PER_YEAR) {
    throw tooComplex(`a VTIMEZONE changes its offset more than ${MAX_ZONE_CHANGES_PER_YEAR} times a year`);
  }
}

/**
 * Refuses (ics.too_complex) a parsed file past the bounds above. Walks with its own stack: the
 * nesting it checks is the attacker's to choose, so recursion would be theirs too.
 */
export function checkBounds(roots: JCal[]) {
  let components = 0;
  let zones = 0;
  const stack: [JCal, number][] = roots.map((root) => [root, 1]);
  for (let next = stack.pop(); next; next = stack.pop()) {
    const [component, depth] = next;
    if (++components > MAX_COMPONENTS) throw tooComplex(`more than ${MAX_COMPONENTS} components`);
    if (depth > MAX_DEPTH) throw tooComplex(`components nested more than ${MAX_DEPTH} deep`);
    const [name, properties, children] = component;
    if (name === "vtimezone") {
      if (++zones > MAX_TIMEZONES) throw tooComplex(`more than ${MAX_TIMEZONES} VTIMEZONEs`);
      checkZone(component);
    }
    if (name === "vevent" && properties.filter((p) => p[0] === "rrule").length > MAX_EVENT_RULES) {
      throw tooComplex(`an event with more than ${MAX_EVENT_RULES} RRULEs`);
    }
    for (const child of children) stack.push([child, depth + 1]);
  }
}
