import { describe, expect, it } from "vitest";
import { type Series, storedRule } from "./recurrence.ts";
import { isOccurrence, type Override, placedIn, ruleBefore, ruleFrom } from "./series.ts";

const at = (iso: string) => Date.parse(iso);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

// Mondays 09:00–09:30 in Berlin; summer time starts on Sunday 28 March 2027.
const berlin: Series & { rrule: string } = {
  startsAt: at("2027-03-15T08:00:00Z"),
  endsAt: at("2027-03-15T08:30:00Z"),
  allDay: false,
  timeZone: "Europe/Berlin",
  rrule: "FREQ=WEEKLY;COUNT=6",
};
const override = (original: string, o: Partial<Override> = {}): Override => ({
  original: at(original),
  cancelled: false,
  start: null,
  end: null,
  ...o,
});
const placed = (e: Series, overrides: Override[], from: string, to: string) =>
  placedIn(e, overrides, at(from), at(to)).map((p) => [iso(p.start), iso(p.original)]);

describe("a series with overrides, across the change to summer time", () => {
  it("knows its occurrences on the wall clock: 08:00 UTC before the change, 07:00 after", () => {
    expect(isOccurrence(berlin, at("2027-03-22T08:00:00Z"))).toBe(true);
    expect(isOccurrence(berlin, at("2027-03-29T07:00:00Z"))).toBe(true);
    expect(isOccurrence(berlin, at("2027-03-29T08:00:00Z"))).toBe(false);
    expect(isOccurrence(berlin, at("2027-04-26T07:00:00Z"))).toBe(false);
    expect(isOccurrence({ ...berlin, rrule: null }, berlin.startsAt)).toBe(false);
  });

  it("drops cancelled occurrences and shows moved ones at their new time, even from outside the window", () => {
    const overrides = [
      override("2027-03-22T08:00:00Z", { cancelled: true }),
      // The first summer Monday moved back across the change, to Friday 26 March 15:00 CET.
      override("2027-03-29T07:00:00Z", {
        start: at("2027-03-26T14:00:00Z"),
        end: at("2027-03-26T15:00:00Z"),
      }),
      // A title of its own only: it stays where the series puts it.
      override("2027-04-05T07:00:00Z"),
    ];
    expect(placed(berlin, overrides, "2027-03-15T00:00:00Z", "2027-04-20T00:00:00Z")).toEqual([
      ["2027-03-15T08:00:00.000Z", "2027-03-15T08:00:00.000Z"],
      ["2027-03-26T14:00:00.000Z", "2027-03-29T07:00:00.000Z"],
      ["2027-04-05T07:00:00.000Z", "2027-04-05T07:00:00.000Z"],
      ["2027-04-12T07:00:00.000Z", "2027-04-12T07:00:00.000Z"],
      ["2027-04-19T07:00:00.000Z", "2027-04-19T07:00:00.000Z"],
    ]);
    // The week before the change holds the moved occurrence, the week after no longer does.
    expect(placed(berlin, overrides, "2027-03-22T00:00:00Z", "2027-03-28T00:00:00Z")).toEqual([
      ["2027-03-26T14:00:00.000Z", "2027-03-29T07:00:00.000Z"],
    ]);
    expect(placed(berlin, overrides, "2027-03-28T00:00:00Z", "2027-04-04T00:00:00Z")).toEqual([]);
  });

  it("ignores an override whose occurrence the series no longer has", () => {
    const stale = override("2027-03-29T08:00:00Z", {
      start: at("2027-03-24T10:00:00Z"),
      end: at("2027-03-24T11:00:00Z"),
    });
    expect(placed(berlin, [stale], "2027-03-22T00:00:00Z", "2027-03-28T00:00:00Z")).toEqual([
      ["2027-03-22T08:00:00.000Z", "2027-03-22T08:00:00.000Z"],
    ]);
  });
});

describe("splitting a series", () => {
  it("ends the old series with the day before the occurrence, and a counted one keeps its number across both", () => {
    const split = at("2027-03-29T07:00:00Z");
    expect(ruleBefore(berlin, split)).toBe("FREQ=WEEKLY;UNTIL=20270328T215959Z");
    // The form shows "until 28 March" for it; saved unchanged, the rule stays where it was cut.
    expect(storedRule("FREQ=WEEKLY;UNTIL=20270328", berlin)).toBe(ruleBefore(berlin, split));
    expect(ruleFrom(berlin, split, { ...berlin, startsAt: split, endsAt: split + 1_800_000 })).toBe(
      "FREQ=WEEKLY;COUNT=4",
    );
    // Cut at the second occurrence, only the first is left: a one-off event.
    expect(ruleBefore(berlin, at("2027-03-22T08:00:00Z"))).toBeNull();
    const last = at("2027-04-19T07:00:00Z");
    expect(ruleFrom(berlin, last, { ...berlin, startsAt: last, endsAt: last + 1_800_000 })).toBeNull();
  });

  it("cuts an all-day series on the day before, in its zone", () => {
    const days: Series & { rrule: string } = {
      startsAt: at("2027-03-26T23:00:00Z"),
      endsAt: at("2027-03-27T23:00:00Z"),
      allDay: true,
      timeZone: "Europe/Berlin",
      rrule: "FREQ=DAILY",
    };
    expect(ruleBefore(days, at("2027-03-29T22:00:00Z"))).toBe("FREQ=DAILY;UNTIL=20270329");
    expect(ruleFrom(days, at("2027-03-29T22:00:00Z"), days)).toBe("FREQ=DAILY");
  });
});
