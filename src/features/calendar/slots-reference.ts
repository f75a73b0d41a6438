import type { Person, SlotQuery } from "./slots.ts";

// The brute-force model the property tests hold `commonSlots` to. It shares no code with it: wall
// readings come from `Intl.DateTimeFormat` minute by minute, a wall time is found by looking for
// the first minute that reads it, and each candidate slot is checked one minute at a time.

const MINUTE = 60_000;
const DAY = 86_400_000;
const WEEKDAY_NAMES = ["sun", "mon", "tue", "wed", "thu", "fri", "sat"];

const formats = new Map<string, Intl.DateTimeFormat>();
/** "YYYY-MM-DD HH:MM" as a zone's clock reads at an instant. */
export function reading(timeZone: string, instant: number): string {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-CA", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
    });
    formats.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(instant).map((x) => [x.type, x.value]));
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
}

/** The readings of every minute of a UTC day in a zone, kept: the tests ask for the same days often. */
const days = new Map<string, Map<number, string[]>>();
function readingOfMinute(timeZone: string, u: number): string {
  const day = Math.floor(u / DAY) * DAY;
  const zone = days.get(timeZone) ?? new Map<number, string[]>();
  days.set(timeZone, zone);
  let minutes = zone.get(day);
  if (!minutes) {
    minutes = Array.from({ length: 1440 }, (_, i) => reading(timeZone, day + i * MINUTE));
    zone.set(day, minutes);
  }
  return minutes[(u - day) / MINUTE] as string;
}

const wallMs = (r: string) => Date.parse(`${r.replace(" ", "T")}:00Z`);
const HOURS_15 = 15 * 3_600_000;

/** The first minute whose reading is the wall time; for one never read (clocks jumped over it), RFC 5545's offset from before. */
function instantOf(timeZone: string, wall: number): number {
  const target = new Date(wall).toISOString().slice(0, 16).replace("T", " ");
  // Real offsets stay within ±14 h, so every minute that can read `wall` is in this span.
  for (let u = wall - HOURS_15; u <= wall + HOURS_15; u += MINUTE) {
    if (readingOfMinute(timeZone, u) === target) return u;
  }
  const probe = wall - DAY;
  return wall - (wallMs(readingOfMinute(timeZone, probe)) - probe);
}

/** The reference model for one person over a range of instants. */
export function referencePerson(p: Person, rangeFrom: number, rangeTo: number) {
  const instantAt = (date: string, minutes: number) =>
    instantOf(p.timeZone, Date.parse(`${date}T00:00:00Z`) + minutes * MINUTE);
  const toMinutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3, 5));

  const working: [number, number][] = [];
  // Every calendar date a clock can show during the range, with a day to spare on each side.
  for (let day = Math.floor(rangeFrom / DAY) * DAY - 2 * DAY; day <= rangeTo + 2 * DAY; day += DAY) {
    const date = new Date(day).toISOString().slice(0, 10);
    const exceptions = p.exceptions.filter((e) => e.date === date);
    let windows: { from: string; to: string }[];
    if (exceptions.length === 0) {
      const name = WEEKDAY_NAMES[new Date(day).getUTCDay()];
      windows = p.weeklyHours.filter((h) => h.day === name);
    } else if (exceptions.some((e) => e.from === undefined)) windows = [];
    else windows = exceptions.map((e) => ({ from: e.from ?? "", to: e.to ?? "" }));
    for (const w of windows) {
      if (w.from >= w.to) continue;
      working.push([instantAt(date, toMinutes(w.from)), instantAt(date, toMinutes(w.to))]);
    }
  }
  const buffer = p.bufferMinutes * MINUTE;
  return {
    working,
    /** Whether the minute starting at u is working time. */
    works: (u: number) => working.some(([s, e]) => s <= u && u + MINUTE <= e),
    /** Whether the minute starting at u is busy or within the buffer of busy time. */
    blocked: (u: number) =>
      p.busy.some((b) => b.end > b.start && u < b.end + buffer && u + MINUTE > b.start - buffer),
  };
}

/** Every aligned slot start that the rules allow, by checking each minute of each candidate. */
export function referenceSlots(people: ReturnType<typeof referencePerson>[], q: SlotQuery): number[] {
  const step = (q.stepMinutes ?? 30) * MINUTE;
  const duration = q.durationMinutes * MINUTE;
  const starts: number[] = [];
  for (let c = Math.ceil(q.from / step) * step; c + duration <= q.to; c += step) {
    if (c < q.notBefore) continue;
    let ok = true;
    for (let u = c; ok && u < c + duration; u += MINUTE) {
      ok = people.every((m) => m.works(u) && !m.blocked(u));
    }
    if (ok) starts.push(c);
  }
  return starts;
}
