import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { WEEKDAYS } from "../profiles/schema.ts";
import type { AvailabilityException } from "./schema.ts";
import { commonSlots, isWithinAvailability, type Person, type SlotQuery } from "./slots.ts";
import { reading, referencePerson, referenceSlots } from "./slots-reference.ts";

type Day = (typeof WEEKDAYS)[number];
const MINUTE = 60_000;
const DAY = 86_400_000;
const WORKWEEK: Day[] = ["mon", "tue", "wed", "thu", "fri"];
const ALL_WEEK: Day[] = [...WORKWEEK, "sat", "sun"];

const hours = (from: string, to: string, days: Day[] = WORKWEEK) => days.map((day) => ({ day, from, to }));
const person = (
  timeZone: string,
  weeklyHours = hours("09:00", "17:00"),
  extra: Partial<Person> = {},
): Person => ({
  timeZone,
  weeklyHours,
  exceptions: [],
  bufferMinutes: 0,
  busy: [],
  ...extra,
});
const utcAllWeek = () => person("UTC", hours("00:00", "24:00", ALL_WEEK));
const at = (iso: string) => Date.parse(iso);
/** Slot starts as the given zone's clock reads them. */
const clock = (slots: { start: number }[], timeZone: string) => slots.map((s) => reading(timeZone, s.start));
const query = (from: string, to: string, extra: Partial<SlotQuery> = {}): SlotQuery => ({
  from: at(from),
  to: at(to),
  durationMinutes: 30,
  notBefore: 0,
  ...extra,
});
/** Slots of one person with someone free around the clock in UTC: that person's own free time. */
const withAnyone = (p: Person, from: string, to: string, extra: Partial<SlotQuery> = {}) =>
  commonSlots(p, utcAllWeek(), query(from, to, extra));

describe("common free slots: examples", () => {
  const berlin = person("Europe/Berlin");
  const newYork = person("America/New_York");

  it("Berlin 9–17 meets New York 9–17 at 15:00–17:00 Berlin in a normal week", () => {
    const slots = commonSlots(
      berlin,
      newYork,
      query("2027-01-11T00:00:00+01:00", "2027-01-16T00:00:00+01:00"),
    );
    const expected = ["11", "12", "13", "14", "15"].flatMap((d) =>
      ["15:00", "15:30", "16:00", "16:30"].map((t) => `2027-01-${d} ${t}`),
    );
    expect(clock(slots, "Europe/Berlin")).toEqual(expected);
    expect(slots.every((s) => s.end - s.start === 30 * MINUTE)).toBe(true);
  });

  it("gives 14:00–17:00 Berlin in the March weeks when the US has switched to summer time and Europe has not", () => {
    const slots = commonSlots(
      berlin,
      newYork,
      query("2027-03-15T00:00:00+01:00", "2027-03-20T00:00:00+01:00"),
    );
    expect(clock(slots, "Europe/Berlin").filter((r) => r.startsWith("2027-03-17"))).toEqual(
      ["14:00", "14:30", "15:00", "15:30", "16:00", "16:30"].map((t) => `2027-03-17 ${t}`),
    );
    expect(slots).toHaveLength(30);
  });

  it("matches Monday afternoon in New York with Tuesday morning in Auckland, and not Friday with Saturday", () => {
    const auckland = person("Pacific/Auckland");
    const slots = commonSlots(
      auckland,
      newYork,
      query("2027-01-11T00:00:00-05:00", "2027-01-16T00:00:00-05:00"),
    );
    const ny = clock(slots, "America/New_York");
    expect(ny).toHaveLength(16);
    expect(ny[0]).toBe("2027-01-11 15:00");
    expect(clock(slots, "Pacific/Auckland")[0]).toBe("2027-01-12 09:00");
    expect(ny.some((r) => r.startsWith("2027-01-15"))).toBe(false);
  });

  it("counts the real hours of a night when clocks jump forward (Berlin 01:00–04:00 is two hours)", () => {
    const night = person("Europe/Berlin", hours("01:00", "04:00", ["sun"]));
    const slots = withAnyone(night, "2026-03-28T12:00:00Z", "2026-03-29T12:00:00Z", { durationMinutes: 60 });
    expect(slots.map((s) => new Date(s.start).toISOString())).toEqual([
      "2026-03-29T00:00:00.000Z",
      "2026-03-29T00:30:00.000Z",
      "2026-03-29T01:00:00.000Z",
    ]);
  });

  it("counts the repeated hour when clocks go back (New York 00:00–03:00 is four hours)", () => {
    const night = person("America/New_York", hours("00:00", "03:00", ["sun"]));
    const slots = withAnyone(night, "2026-10-31T12:00:00Z", "2026-11-01T12:00:00Z", { durationMinutes: 60 });
    expect(slots).toHaveLength(7);
    expect(new Date(slots[0]?.start ?? 0).toISOString()).toBe("2026-11-01T04:00:00.000Z");
    expect(new Date(slots.at(-1)?.end ?? 0).toISOString()).toBe("2026-11-01T08:00:00.000Z");
  });

  it("reads hours that begin in the skipped hour with the offset before the jump (02:30 is 03:30 CEST)", () => {
    const p = person("Europe/Berlin", hours("02:30", "05:00", ["sun"]));
    const slots = withAnyone(p, "2026-03-28T12:00:00Z", "2026-03-29T12:00:00Z");
    expect(clock(slots, "Europe/Berlin")).toEqual([
      "2026-03-29 03:30",
      "2026-03-29 04:00",
      "2026-03-29 04:30",
    ]);
  });

  it("starts hours that begin in the repeated hour at its first occurrence", () => {
    const p = person("Europe/Berlin", hours("02:30", "04:00", ["sun"]));
    const slots = withAnyone(p, "2026-10-24T12:00:00Z", "2026-10-25T12:00:00Z");
    expect(slots.map((s) => new Date(s.start).toISOString().slice(11, 16))).toEqual([
      "00:30",
      "01:00",
      "01:30",
      "02:00",
      "02:30",
    ]);
  });

  it("lets a night shift written as two entries (…–24:00, 00:00–…) hold a slot across midnight", () => {
    const manila = person("Asia/Manila", [
      ...hours("21:00", "24:00", ["mon"]),
      ...hours("00:00", "05:00", ["tue"]),
    ]);
    const slots = withAnyone(manila, "2027-01-11T00:00:00Z", "2027-01-13T00:00:00Z", { durationMinutes: 60 });
    expect(clock(slots, "Asia/Manila")).toContain("2027-01-11 23:30");
    expect(slots).toHaveLength(15);
  });

  it("honours a day off, a changed day, busy time with its buffer, and the present", () => {
    const exceptions: AvailabilityException[] = [
      { date: "2027-01-12" },
      { date: "2027-01-13", from: "18:00", to: "19:00" },
    ];
    const p = person("Europe/Berlin", hours("09:00", "12:00"), {
      exceptions,
      bufferMinutes: 15,
      busy: [{ start: at("2027-01-14T10:00:00+01:00"), end: at("2027-01-14T10:30:00+01:00") }],
    });
    const slots = withAnyone(p, "2027-01-11T00:00:00+01:00", "2027-01-15T00:00:00+01:00", {
      notBefore: at("2027-01-11T10:10:00+01:00"),
    });
    expect(clock(slots, "Europe/Berlin")).toEqual([
      "2027-01-11 10:30",
      "2027-01-11 11:00",
      "2027-01-11 11:30",
      "2027-01-13 18:00",
      "2027-01-13 18:30",
      "2027-01-14 09:00",
      "2027-01-14 11:00",
      "2027-01-14 11:30",
    ]);
  });

  it("aligns to quarter hours on request, so Nepal's clock shows round times", () => {
    const kathmandu = person("Asia/Kathmandu");
    const slots = withAnyone(kathmandu, "2027-01-11T00:00:00Z", "2027-01-12T00:00:00Z", { stepMinutes: 15 });
    expect(clock(slots, "Asia/Kathmandu").slice(0, 2)).toEqual(["2027-01-11 09:00", "2027-01-11 09:15"]);
    const halfHours = withAnyone(kathmandu, "2027-01-11T00:00:00Z", "2027-01-12T00:00:00Z");
    expect(clock(halfHours, "Asia/Kathmandu")[0]).toBe("2027-01-11 09:15");
  });

  it("refuses steps that do not divide a day and searches longer than 92 days", () => {
    const q = query("2027-01-11T00:00:00Z", "2027-01-12T00:00:00Z");
    expect(() => commonSlots(berlin, newYork, { ...q, stepMinutes: 7 })).toThrow(RangeError);
    expect(() => commonSlots(berlin, newYork, { ...q, to: q.from + 93 * DAY })).toThrow(RangeError);
  });
});

describe("checking a time a client chose", () => {
  const p = person("Europe/Berlin", hours("09:00", "17:00"), {
    exceptions: [{ date: "2027-01-12" }, { date: "2027-01-16", from: "10:00", to: "12:00" }],
    bufferMinutes: 10,
    busy: [{ start: at("2027-01-13T12:00:00+01:00"), end: at("2027-01-13T13:00:00+01:00") }],
  });
  const check = (start: string, minutes = 30) =>
    isWithinAvailability(p, at(start), at(start) + minutes * MINUTE);

  it("accepts a time inside the hours, including hours an exception adds", () => {
    expect(check("2027-01-11T09:00:00+01:00")).toEqual({ ok: true });
    expect(check("2027-01-11T16:30:00+01:00")).toEqual({ ok: true });
    expect(check("2027-01-16T10:00:00+01:00", 120)).toEqual({ ok: true });
    expect(check("2027-01-13T13:10:00+01:00")).toEqual({ ok: true });
  });

  it("names the reason for a refusal", () => {
    expect(check("2027-01-11T16:45:00+01:00")).toEqual({ ok: false, reason: "outside_hours" });
    expect(check("2027-01-17T10:00:00+01:00")).toEqual({ ok: false, reason: "outside_hours" });
    expect(check("2027-01-12T10:00:00+01:00")).toEqual({ ok: false, reason: "exception" });
    expect(check("2027-01-13T11:45:00+01:00")).toEqual({ ok: false, reason: "busy" });
    expect(check("2027-01-13T13:00:00+01:00")).toEqual({ ok: false, reason: "busy" });
  });
});

// Each window spans a DST change of 2026/2027 in Europe, the US or Australia (and one ordinary week).
const CHANGES = [
  "2026-03-08",
  "2026-03-29",
  "2026-04-05",
  "2026-10-04",
  "2026-10-25",
  "2026-11-01",
  "2027-01-13",
  "2027-03-14",
  "2027-03-28",
  "2027-04-04",
  "2027-10-03",
  "2027-10-31",
  "2027-11-07",
];
const ZONES = [
  "Europe/Berlin",
  "America/New_York",
  "Asia/Manila",
  "Australia/Sydney",
  "Pacific/Auckland",
  "Asia/Kathmandu",
];
const hhmm = (m: number) =>
  `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
// Minutes of the day, often on the edges that matter: the hours around 02:00, midnight, office hours.
const minuteOfDay = fc.oneof(
  fc.integer({ min: 0, max: 1440 }),
  fc.constantFrom(0, 60, 90, 120, 150, 180, 210, 240, 540, 1020, 1380, 1440),
);
const hoursWindow = fc
  .tuple(minuteOfDay, minuteOfDay)
  .filter(([a, b]) => a !== b)
  .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as const);

function arbitraryPerson(rangeFrom: number) {
  const dates = [-1, 0, 1, 2, 3].map((d) => new Date(rangeFrom + d * DAY).toISOString().slice(0, 10));
  return fc.record({
    timeZone: fc.constantFrom(...ZONES),
    weeklyHours: fc.array(
      fc
        .tuple(fc.constantFrom(...ALL_WEEK), hoursWindow)
        .map(([day, [from, to]]) => ({ day, from: hhmm(from), to: hhmm(to) })),
      { maxLength: 10 },
    ),
    exceptions: fc.array(
      fc
        .tuple(fc.constantFrom(...dates), fc.option(hoursWindow))
        .map(([date, w]) => (w ? { date, from: hhmm(w[0]), to: hhmm(w[1]) } : { date })),
      { maxLength: 3 },
    ),
    bufferMinutes: fc.constantFrom(0, 5, 15, 30),
    busy: fc.array(
      fc
        .tuple(fc.integer({ min: -180, max: 4 * 1440 }), fc.integer({ min: -10, max: 300 }))
        .map(([start, length]) => ({
          start: rangeFrom + start * MINUTE,
          end: rangeFrom + (start + length) * MINUTE,
        })),
      { maxLength: 8 },
    ),
  });
}

const scenario = fc
  .record({
    change: fc.constantFrom(...CHANGES),
    shiftMinutes: fc.integer({ min: 0, max: 120 }),
    days: fc.constantFrom(1, 2, 3),
  })
  .chain(({ change, shiftMinutes, days }) => {
    const from = at(`${change}T00:00:00Z`) - 36 * 3_600_000 + shiftMinutes * MINUTE;
    const to = from + days * DAY;
    return fc.record({
      a: arbitraryPerson(from),
      b: arbitraryPerson(from),
      query: fc.record({
        from: fc.constant(from),
        to: fc.constant(to),
        durationMinutes: fc.constantFrom(30 as const, 60 as const),
        stepMinutes: fc.constantFrom(15, 30, 60),
        notBefore: fc.integer({ min: -60 * MINUTE, max: days * DAY }).map((d) => from + d),
      }),
    });
  });

describe("common free slots: properties against a minute-by-minute model", () => {
  it("returns exactly the aligned slots that keep every rule, across zones and DST changes", () => {
    fc.assert(
      fc.property(scenario, ({ a, b, query: q }) => {
        const slots = commonSlots(a, b, q);
        const step = (q.stepMinutes ?? 30) * MINUTE;
        const models = [referencePerson(a, q.from, q.to), referencePerson(b, q.from, q.to)];
        const minutes = (s: { start: number; end: number }) =>
          Array.from({ length: (s.end - s.start) / MINUTE }, (_, i) => s.start + i * MINUTE);
        const clashes = (p: Person, s: { start: number; end: number }) => {
          const buffer = p.bufferMinutes * MINUTE;
          return p.busy.some((x) => x.end > x.start && s.start < x.end + buffer && s.end > x.start - buffer);
        };
        const broken = slots.filter(
          (s, i) =>
            s.end - s.start !== q.durationMinutes * MINUTE ||
            s.start % step !== 0 ||
            s.start < Math.max(q.from, q.notBefore) ||
            s.end > q.to ||
            (i > 0 && s.start <= (slots[i - 1]?.start ?? 0)) ||
            !minutes(s).every((u) => models.every((m) => m.works(u))) ||
            clashes(a, s) ||
            clashes(b, s),
        );
        expect(broken).toEqual([]);
        expect(slots.map((s) => s.start)).toEqual(referenceSlots(models, q));
      }),
      { numRuns: 150 },
    );
  });

  it("agrees with isWithinAvailability on every slot it returns", () => {
    fc.assert(
      fc.property(scenario, ({ a, b, query: q }) => {
        for (const s of commonSlots(a, b, q)) {
          expect(isWithinAvailability(a, s.start, s.end)).toEqual({ ok: true });
          expect(isWithinAvailability(b, s.start, s.end)).toEqual({ ok: true });
        }
      }),
      { numRuns: 50 },
    );
  });
});
