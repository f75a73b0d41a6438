import { describe, expect, it } from "vitest";
import { occurrencesIn, ruleProblem, type Series, storedRule } from "./recurrence.ts";
import { normalizeRrule, rruleProblem } from "./rrule-grammar.ts";

const at = (iso: string) => Date.parse(iso);
const starts = (e: Series, from: string, to: string) =>
  occurrencesIn(e, at(from), at(to)).map((o) => new Date(o.start).toISOString());

describe("repeat rules contract events may carry", () => {
  it("takes the rules people use, in any case and with an RRULE: prefix", () => {
    for (const rule of [
      "FREQ=DAILY",
      "FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,WE,FR;WKST=MO",
      "FREQ=MONTHLY;BYDAY=-1FR",
      "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=1",
      "FREQ=MONTHLY;BYMONTHDAY=15;COUNT=12",
      "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
      "FREQ=YEARLY;BYWEEKNO=1;BYDAY=MO",
      "FREQ=WEEKLY;UNTIL=20271231T225959Z",
    ]) {
      expect(rruleProblem(normalizeRrule(rule)), rule).toBeUndefined();
    }
    expect(normalizeRrule(" rrule:freq=weekly;byday=mo ")).toBe("FREQ=WEEKLY;BYDAY=MO");
  });

  it("refuses what is not a rule, repeats within a day, or pairs parts that mean nothing together", () => {
    const cases: [string, string][] = [
      ["", "rrule_invalid"],
      ["BYDAY=MO", "rrule_invalid"],
      ["FREQ=WEEKLY;FREQ=DAILY", "rrule_invalid"],
      ["FREQ=WEEKLY;BYDAY=MO;", "rrule_invalid"],
      ["FREQ=WEEKLY;X-NAME=1", "rrule_invalid"],
      ["FREQ=MINUTELY", "rrule_frequency"],
      ["FREQ=DAILY;BYMINUTE=0,30", "rrule_frequency"],
      ["FREQ=DAILY;INTERVAL=0", "rrule_invalid"],
      ["FREQ=DAILY;COUNT=0", "rrule_invalid"],
      ["FREQ=DAILY;COUNT=1001", "rrule_count_too_large"],
      ["FREQ=DAILY;UNTIL=2027", "rrule_until_invalid"],
      ["FREQ=DAILY;UNTIL=20270101T250000Z", "rrule_until_invalid"],
      ["FREQ=MONTHLY;BYMONTHDAY=0", "rrule_invalid"],
      ["FREQ=MONTHLY;BYMONTHDAY=32", "rrule_invalid"],
      ["FREQ=MONTHLY;BYDAY=0MO", "rrule_invalid"],
      ["FREQ=DAILY;BYDAY=2TU", "rrule_invalid"],
      ["FREQ=WEEKLY;BYMONTHDAY=1", "rrule_invalid"],
      ["FREQ=MONTHLY;BYYEARDAY=100", "rrule_invalid"],
      ["FREQ=MONTHLY;BYWEEKNO=20", "rrule_invalid"],
      ["FREQ=MONTHLY;BYMONTH=13", "rrule_invalid"],
    ];
    for (const [rule, problem] of cases) expect(rruleProblem(rule), rule).toBe(problem);
  });
});

describe("occurrences of a contract event", () => {
  const berlin = (start: string, end: string, rrule: string | null): Series => ({
    startsAt: at(start),
    endsAt: at(end),
    allDay: false,
    timeZone: "Europe/Berlin",
    rrule,
  });

  it("reads a skipped 02:30 as 03:30 and a repeated 02:30 as its first occurrence, as the slot search does", () => {
    // Daily 02:30 in Berlin from 27 March 2027: clocks jump on the 28th; they go back on 31 October.
    const spring = berlin("2027-03-27T01:30:00Z", "2027-03-27T02:00:00Z", "FREQ=DAILY");
    expect(starts(spring, "2027-03-27T00:00:00Z", "2027-03-30T00:00:00Z")).toEqual([
      "2027-03-27T01:30:00.000Z",
      "2027-03-28T01:30:00.000Z",
      "2027-03-29T00:30:00.000Z",
    ]);
    expect(starts(spring, "2027-10-30T00:00:00Z", "2027-11-02T00:00:00Z")).toEqual([
      "2027-10-30T00:30:00.000Z",
      "2027-10-31T00:30:00.000Z",
      "2027-11-01T01:30:00.000Z",
    ]);
  });

  it("jumps to a window decades after the start without walking there", () => {
    const daily = berlin("2027-01-11T08:00:00Z", "2027-01-11T09:00:00Z", "FREQ=DAILY");
    const began = performance.now();
    expect(starts(daily, "2066-01-11T00:00:00Z", "2066-01-13T00:00:00Z")).toEqual([
      "2066-01-11T08:00:00.000Z",
      "2066-01-12T08:00:00.000Z",
    ]);
    expect(performance.now() - began).toBeLessThan(1_000);
  });

  it("keeps UNTIL next to the start as iCalendar wants it: a UTC instant for timed events, a date for all-day ones", () => {
    expect(storedRule("FREQ=WEEKLY;UNTIL=20270412", { allDay: false, timeZone: "America/New_York" })).toBe(
      "FREQ=WEEKLY;UNTIL=20270413T035959Z",
    );
    expect(
      storedRule("FREQ=WEEKLY;UNTIL=20270412T215959Z", { allDay: true, timeZone: "Europe/Berlin" }),
    ).toBe("FREQ=WEEKLY;UNTIL=20270412");
    expect(storedRule("FREQ=WEEKLY;COUNT=3", { allDay: true, timeZone: "Europe/Berlin" })).toBe(
      "FREQ=WEEKLY;COUNT=3",
    );
  });

  it("repeats an all-day event on whole days of its zone, and a rule that never repeats is refused", () => {
    const fair = {
      startsAt: at("2027-03-27T23:00:00Z"),
      endsAt: at("2027-03-28T22:00:00Z"),
      allDay: true,
      timeZone: "Europe/Berlin",
      rrule: "FREQ=WEEKLY;UNTIL=20270404",
    };
    expect(occurrencesIn(fair, at("2027-03-01T00:00:00Z"), at("2027-05-01T00:00:00Z"))).toEqual([
      { start: at("2027-03-27T23:00:00Z"), end: at("2027-03-28T22:00:00Z") },
      { start: at("2027-04-03T22:00:00Z"), end: at("2027-04-04T22:00:00Z") },
    ]);
    expect(ruleProblem({ ...fair, rrule: "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30" })).toBe(
      "rrule_never_repeats",
    );
    expect(ruleProblem({ ...fair, rrule: "FREQ=DAILY;COUNT=1" })).toBe("rrule_never_repeats");
    expect(ruleProblem(fair)).toBeUndefined();
  });
});
