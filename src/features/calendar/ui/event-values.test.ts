import { describe, expect, it } from "vitest";
import { type ContractEvent, createEventSchema } from "../schema.ts";
import { eventBody, followingChange, occurrenceValues, seriesChange } from "./event-values.ts";

const series: ContractEvent = {
  id: "00000000-0000-4000-8000-000000000001",
  contractId: "00000000-0000-4000-8000-000000000002",
  createdBy: "u1",
  title: "Wochenbesprechung",
  allDay: false,
  start: "2027-03-15T09:00",
  end: "2027-03-15T09:30",
  timeZone: "Europe/Berlin",
  startsAt: "2027-03-15T08:00:00.000Z",
  endsAt: "2027-03-15T08:30:00.000Z",
  location: "Raum 1",
  url: null,
  notes: "",
  rrule: "FREQ=WEEKLY;UNTIL=20270412T215959Z",
  sequence: 0,
  createdAt: "2027-01-01T00:00:00.000Z",
  updatedAt: "2027-01-01T00:00:00.000Z",
};
// The first summer Monday, with a title of its own.
const occurrence = {
  eventId: series.id,
  startsAt: "2027-03-29T07:00:00.000Z",
  endsAt: "2027-03-29T07:30:00.000Z",
  originalStartsAt: "2027-03-29T07:00:00.000Z",
  title: "Mit Steuerberater",
};

describe("the form on an occurrence of a series", () => {
  it("shows the occurrence's own time and title on the series' clock, the series' other fields", () => {
    expect(occurrenceValues(series, occurrence)).toMatchObject({
      title: "Mit Steuerberater",
      start: "2027-03-29T09:00",
      end: "2027-03-29T09:30",
      location: "Raum 1",
      repeat: { choice: "WEEKLY", ends: "until", until: "2027-04-12" },
    });
  });

  it("for all events, moves the series' own start as far as the occurrence was moved", () => {
    const shown = createEventSchema.parse(eventBody(occurrenceValues(series, occurrence)));
    expect(
      seriesChange(series, shown, { ...shown, start: "2027-03-30T10:00", end: "2027-03-30T11:00" }),
    ).toMatchObject({
      start: "2027-03-16T10:00",
      end: "2027-03-16T11:00",
    });
    // Unmoved, only in another zone: the series' start as that zone reads it (04:00 on 15 March).
    const inNewYork = {
      ...shown,
      timeZone: "America/New_York",
      start: "2027-03-29T03:00",
      end: "2027-03-29T03:30",
    };
    expect(seriesChange(series, shown, inNewYork)).toMatchObject({
      start: "2027-03-15T04:00",
      end: "2027-03-15T04:30",
    });
  });
});

describe("a change to an occurrence and all that follow", () => {
  // The Monday of 29 March was moved alone to Tuesday 15:00 earlier.
  const moved = { ...occurrence, startsAt: "2027-03-30T13:00:00.000Z", endsAt: "2027-03-30T13:30:00.000Z" };

  it("starts the new series where the occurrence sits in the series, not where it was moved alone", () => {
    const shown = eventBody(occurrenceValues(series, moved));
    expect(shown.start).toBe("2027-03-30T15:00");
    const body = createEventSchema.parse({ ...shown, title: "Neu ab hier" });
    expect(followingChange(series, moved.originalStartsAt, shown, body)).toMatchObject({
      title: "Neu ab hier",
      start: "2027-03-29T09:00",
      end: "2027-03-29T09:30",
    });
  });

  it("moves the rest of the series as far as the form was moved", () => {
    const shown = eventBody(occurrenceValues(series, moved));
    const body = createEventSchema.parse({ ...shown, start: "2027-03-30T16:00", end: "2027-03-30T16:30" });
    expect(followingChange(series, moved.originalStartsAt, shown, body)).toMatchObject({
      start: "2027-03-29T10:00",
      end: "2027-03-29T10:30",
    });
  });
});
