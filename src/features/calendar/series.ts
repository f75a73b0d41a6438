import { instantToWall, wallToInstant } from "../common/wall-clock.ts";
import { basicUtc, occurrencesIn, ruleProblem, ruleText, type Series, type Span } from "./recurrence.ts";
import { rruleParts } from "./rrule-grammar.ts";

// One occurrence of a series changed on its own, and a series split in two, as calendar apps do
// it: an override is keyed by where the series puts the occurrence (iCalendar's RECURRENCE-ID),
// and "this and following" ends the series just before the occurrence (UNTIL) and starts a new one
// there. Pure functions over instants; the service stores what they return.

const DAY = 86_400_000;

export interface Override {
  /** Where the series puts the occurrence (UTC ms). */
  original: number;
  cancelled: boolean;
  /** The moved times, or null for the series' own. */
  start: number | null;
  end: number | null;
}

export interface Placed<O extends Override> extends Span {
  /** The series' own start of this occurrence (its RECURRENCE-ID); null for a one-off event. */
  original: number | null;
  override?: O;
}

/** The series' occurrence (before any override) that starts at exactly this instant, if any. */
export function occurrenceAt(e: Series, instant: number): Span | undefined {
  if (!e.rrule) return undefined;
  return occurrencesIn(e, instant, instant + 1).find((s) => s.start === instant);
}

export const isOccurrence = (e: Series, instant: number): boolean => occurrenceAt(e, instant) !== undefined;

/**
 * The event's occurrences overlapping [from, to) with its overrides applied: cancelled ones gone,
 * moved ones at their new times, including those the series puts outside the window.
 */
export function placedIn<O extends Override>(
  e: Series,
  overrides: O[],
  from: number,
  to: number,
): Placed<O>[] {
  if (!e.rrule) return occurrencesIn(e, from, to).map((s) => ({ ...s, original: null }));
  const byOriginal = new Map(overrides.map((o) => [o.original, o]));
  const out: Placed<O>[] = [];
  const overlaps = (start: number, end: number) => end > from && start < to;
  const place = (s: Span, o: O | undefined) => {
    if (o?.cancelled) return;
    const start = o?.start ?? s.start;
    const end = o?.end ?? s.end;
    if (overlaps(start, end)) out.push({ start, end, original: s.start, ...(o ? { override: o } : {}) });
  };
  const seen = new Set<number>();
  for (const s of occurrencesIn(e, from, to)) {
    seen.add(s.start);
    place(s, byOriginal.get(s.start));
  }
  // Moved here from a day the window does not hold: stale overrides are dropped on every change
  // of the series, but one whose occurrence is gone must still not show.
  for (const o of overrides) {
    if (seen.has(o.original) || o.start === null || o.end === null || !overlaps(o.start, o.end)) continue;
    if (isOccurrence(e, o.original)) place({ start: o.original, end: o.original }, o);
  }
  return out.sort((a, b) => a.start - b.start || a.end - b.end);
}

/**
 * The series' rule cut to end just before the occurrence at `at` (not its first): UNTIL the end of
 * the day before it in the series' zone, and no COUNT. A series repeats at most daily, so nothing
 * else falls in between; and it is the form a rule "until <day>" is stored in (storedRule), so the
 * form shows the day before and saving it unchanged cuts at the same place. Null when only the
 * first occurrence is left, which makes it a one-off event.
 */
export function ruleBefore(e: Series & { rrule: string }, at: number): string | null {
  const parts = rruleParts(e.rrule);
  if (!parts) return null;
  parts.delete("COUNT");
  const wall = instantToWall(at, e.timeZone);
  const midnight = wall - (((wall % DAY) + DAY) % DAY);
  parts.set(
    "UNTIL",
    e.allDay ? basicUtc(midnight - DAY).slice(0, 8) : basicUtc(wallToInstant(midnight, e.timeZone) - 1000),
  );
  const rule = ruleText(parts);
  return ruleProblem({ ...e, rrule: rule }) ? null : rule;
}

/**
 * The series' rule for a new series starting at its occurrence `at`: a COUNT less the occurrences
 * before it, so both halves together keep the number asked for. Null when one occurrence is left
 * for the new series (`next`: its own times).
 */
export function ruleFrom(e: Series & { rrule: string }, at: number, next: Series): string | null {
  const parts = rruleParts(e.rrule);
  if (!parts) return null;
  const count = parts.get("COUNT");
  if (count) parts.set("COUNT", String(Number(count) - occurrencesIn(e, e.startsAt, at).length));
  const rule = ruleText(parts);
  // COUNT=1, or an UNTIL the moved start has passed: what is left is a one-off event.
  return Number(parts.get("COUNT") ?? 2) < 2 || ruleProblem({ ...next, rrule: rule }) ? null : rule;
}
