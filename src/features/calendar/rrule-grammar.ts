// The RRULE values a contract event may carry (RFC 5545 §3.3.10), checked without a library so the
// browser's form and the API refuse the same things with the same codes. The server then has
// rrule-temporal build the rule and find its next occurrence (recurrence.ts).
//
// What is refused beyond the RFC's grammar, and why:
// - FREQ below DAILY, and BYHOUR/BYMINUTE/BYSECOND: an appointment repeats at most once a day, at
//   its own start time. That keeps a 400-day window at no more than 400 occurrences per event.
// - COUNT above 1,000: nearly three years of daily meetings; more is a mistake, not a plan.
// - DTSTART, RDATE, EXDATE or anything else inside the value: the event's own start is DTSTART.

export type RruleProblem =
  | "rrule_invalid"
  | "rrule_frequency"
  | "rrule_count_and_until"
  | "rrule_count_too_large"
  | "rrule_until_invalid";

export const MAX_RRULE_COUNT = 1_000;
export const RRULE_FREQUENCIES = ["DAILY", "WEEKLY", "MONTHLY", "YEARLY"] as const;
export type RruleFrequency = (typeof RRULE_FREQUENCIES)[number];

const WEEKDAY = "(MO|TU|WE|TH|FR|SA|SU)";
const list = (item: string) => new RegExp(`^${item}(,${item})*$`);
const signed = (max: number) => (value: string) =>
  value.split(",").every((v) => {
    const n = Math.abs(Number(v));
    return /^[+-]?\d{1,3}$/.test(v) && n >= 1 && n <= max;
  });

/** How each part's value must look; FREQ, COUNT and UNTIL are checked on their own below. */
const PARTS: Record<string, (value: string) => boolean> = {
  INTERVAL: (v) => /^\d{1,4}$/.test(v) && Number(v) >= 1 && Number(v) <= 1_000,
  BYDAY: (v) => list(`([+-]?\\d{1,2})?${WEEKDAY}`).test(v) && v.split(",").every((d) => !/^[+-]?0/.test(d)),
  BYMONTHDAY: signed(31),
  BYYEARDAY: signed(366),
  BYWEEKNO: signed(53),
  BYMONTH: (v) => v.split(",").every((m) => /^\d{1,2}$/.test(m) && Number(m) >= 1 && Number(m) <= 12),
  BYSETPOS: signed(366),
  WKST: (v) => new RegExp(`^${WEEKDAY}$`).test(v),
};

/** A real calendar date (or UTC date-time) in iCalendar's basic format: 20270131 or 20270131T235959Z. */
export function isUntil(value: string): boolean {
  const m = /^(\d{4})(\d{2})(\d{2})(T(\d{2})(\d{2})(\d{2})Z)?$/.exec(value);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const date = new Date(Date.UTC(y, mo - 1, d));
  const dateOk = date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
  return dateOk && (!m[4] || (Number(m[5]) < 24 && Number(m[6]) < 60 && Number(m[7]) < 60));
}

/** The parts of a rule as a map (keys upper case), or undefined when it is not "KEY=VALUE;…" once each. */
export function rruleParts(rule: string): Map<string, string> | undefined {
  const parts = new Map<string, string>();
  for (const part of rule.split(";")) {
    const m = /^([A-Z]+)=([A-Z0-9,+-]+)$/.exec(part);
    if (!m || parts.has(m[1] as string)) return undefined;
    parts.set(m[1] as string, m[2] as string);
  }
  return parts;
}

/** The rule in its stored form: upper case, without an "RRULE:" prefix or surrounding space. */
export const normalizeRrule = (rule: string) =>
  rule
    .trim()
    .toUpperCase()
    .replace(/^RRULE:/, "");

/** Why a (normalized) rule is refused, or undefined when it is one contract events may carry. */
export function rruleProblem(rule: string): RruleProblem | undefined {
  const parts = rruleParts(rule);
  const freq = parts?.get("FREQ");
  if (!parts || !freq) return "rrule_invalid";
  if (!(RRULE_FREQUENCIES as readonly string[]).includes(freq)) {
    return ["HOURLY", "MINUTELY", "SECONDLY"].includes(freq) ? "rrule_frequency" : "rrule_invalid";
  }
  const count = parts.get("COUNT");
  const until = parts.get("UNTIL");
  if (count !== undefined && until !== undefined) return "rrule_count_and_until";
  if (count !== undefined && (!/^\d{1,7}$/.test(count) || Number(count) < 1)) return "rrule_invalid";
  if (count !== undefined && Number(count) > MAX_RRULE_COUNT) return "rrule_count_too_large";
  if (until !== undefined && !isUntil(until)) return "rrule_until_invalid";
  for (const [key, value] of parts) {
    if (key === "FREQ" || key === "COUNT" || key === "UNTIL") continue;
    if (["BYHOUR", "BYMINUTE", "BYSECOND"].includes(key)) return "rrule_frequency";
    const valid = PARTS[key];
    if (!valid?.(value)) return "rrule_invalid";
  }
  // Numbered weekdays ("1MO", the first Monday) mean something only within a month or a year,
  if (/\d/.test(parts.get("BYDAY") ?? "") && freq !== "MONTHLY" && freq !== "YEARLY") return "rrule_invalid";
  // And the RFC's other pairings that mean nothing: a week number outside a yearly rule, a day of
  // the year within a shorter one, a day of the month in a weekly one.
  if (parts.has("BYWEEKNO") && freq !== "YEARLY") return "rrule_invalid";
  if (parts.has("BYYEARDAY") && freq !== "YEARLY") return "rrule_invalid";
  if (parts.has("BYMONTHDAY") && freq === "WEEKLY") return "rrule_invalid";
  return undefined;
}
