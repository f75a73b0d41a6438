import { rruleParts } from "../schema.ts";
import { untilDate } from "./zoned.ts";

// The form's "repeat" choice and the RRULE the API stores. The form offers what people ask for —
// daily, weekly or monthly, until a date or a number of times — and keeps any other rule (written
// through the API or a later editor) as it is, as "custom".

export const REPEAT_CHOICES = ["none", "DAILY", "WEEKLY", "MONTHLY"] as const;
export type RepeatChoice = (typeof REPEAT_CHOICES)[number] | "custom";
export const REPEAT_ENDS = ["never", "until", "count"] as const;
export type RepeatEnd = (typeof REPEAT_ENDS)[number];

export interface Repeat {
  choice: RepeatChoice;
  ends: RepeatEnd;
  /** The last day ("2027-04-12") in the event's zone. */
  until: string;
  count: number;
  /** The rule as stored when the form cannot show it as a choice. */
  custom: string | null;
}

export const NO_REPEAT: Repeat = { choice: "none", ends: "never", until: "", count: 10, custom: null };

/** The form's view of a stored rule. */
export function repeatOf(rrule: string | null, zone: string): Repeat {
  if (!rrule) return NO_REPEAT;
  const parts = rruleParts(rrule);
  const freq = parts?.get("FREQ");
  const simple =
    parts &&
    [...parts.keys()].every((k) => ["FREQ", "UNTIL", "COUNT", "INTERVAL"].includes(k)) &&
    (parts.get("INTERVAL") ?? "1") === "1" &&
    (freq === "DAILY" || freq === "WEEKLY" || freq === "MONTHLY");
  if (!simple) return { ...NO_REPEAT, choice: "custom", custom: rrule };
  const until = parts.get("UNTIL");
  const count = parts.get("COUNT");
  return {
    choice: freq,
    ends: until ? "until" : count ? "count" : "never",
    until: until ? untilDate(until, zone) : "",
    count: count ? Number(count) : NO_REPEAT.count,
    custom: null,
  };
}

/** The rule for the API; an until day goes as a date, which the server reads as "through that day". */
export function rruleOf(r: Repeat): string | null {
  if (r.choice === "none") return null;
  if (r.choice === "custom") return r.custom;
  if (r.ends === "until") return `FREQ=${r.choice};UNTIL=${r.until.replaceAll("-", "")}`;
  if (r.ends === "count") return `FREQ=${r.choice};COUNT=${r.count}`;
  return `FREQ=${r.choice}`;
}
