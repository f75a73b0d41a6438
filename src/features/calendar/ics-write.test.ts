import ICAL from "ical.js";
import nodeIcal, { type VCalendar, type VEvent } from "node-ical";
import { describe, expect, it } from "vitest";
import { feed, type InvitationInput, invitation } from "./ics-write.ts";

// Every document is read back by two parsers that share no code with ical-generator or with each
// other: ical.js (Mozilla's) and node-ical.

const at = (iso: string) => Date.parse(iso);
const GERMAN = "Vorstellungsgespräch mit Jörg Müller, Büro; Straße 5\nZweite Zeile: Äpfel, Öl; Übermaß\\Ende";

const request: InvitationInput = {
  method: "REQUEST",
  uid: "interview-7f3a@assista.example",
  sequence: 0,
  start: at("2026-05-04T13:00:00Z"),
  end: at("2026-05-04T13:30:00Z"),
  summary: GERMAN,
  description: "Bitte 5 Minuten vorher da sein;\nLink folgt, danke.",
  location: "Videoraum, Assista; online",
  url: "https://assista.example/interviews/7f3a",
  organizer: { name: "Müller, Hans", email: "hans@example.de" },
  attendees: [
    { name: 'Anna "Ann" Schmidt', email: "anna@example.com" },
    { name: "Ümit Öztürk", email: "uemit@example.org" },
  ],
  now: at("2026-05-01T10:00:00Z"),
};

function readWithIcalJs(text: string) {
  const root = new ICAL.Component(ICAL.parse(text));
  const events = root.getAllSubcomponents("vevent");
  return { root, events, event: events[0] as ICAL.Component };
}
function readWithNodeIcal(text: string) {
  const parsed = nodeIcal.sync.parseICS(text);
  const events = Object.values(parsed).filter((c) => c?.type === "VEVENT") as VEvent[];
  const calendar = Object.values(parsed).find((c) => c?.type === "VCALENDAR") as VCalendar | undefined;
  return { events, event: events[0] as VEvent, calendar };
}
const instant = (e: ICAL.Component, name: string) =>
  (e.getFirstPropertyValue(name) as ICAL.Time).toJSDate().getTime();
const list = <T>(x: T | T[] | undefined): T[] => (x === undefined ? [] : Array.isArray(x) ? x : [x]);

describe("invitations", () => {
  it("writes CRLF lines, METHOD:REQUEST, a confirmed event and the fields as given (ical.js)", () => {
    const text = invitation(request);
    expect(text.split("\r\n").every((line) => !line.includes("\n"))).toBe(true);
    const { root, events, event } = readWithIcalJs(text);
    expect(root.getFirstPropertyValue("method")).toBe("REQUEST");
    expect(events).toHaveLength(1);
    expect(event.getFirstPropertyValue("uid")).toBe(request.uid);
    expect(event.getFirstPropertyValue("sequence")).toBe(0);
    expect(event.getFirstPropertyValue("status")).toBe("CONFIRMED");
    expect(instant(event, "dtstart")).toBe(request.start);
    expect(instant(event, "dtend")).toBe(request.end);
    expect(instant(event, "dtstamp")).toBe(request.now);
    expect(event.getFirstPropertyValue("summary")).toBe(GERMAN);
    expect(event.getFirstPropertyValue("description")).toBe(request.description);
    expect(event.getFirstPropertyValue("location")).toBe(request.location);
    expect(event.getFirstPropertyValue("url")).toBe(request.url);

    const organizer = event.getFirstProperty("organizer");
    expect(String(organizer?.getFirstValue()).toLowerCase()).toBe("mailto:hans@example.de");
    expect(organizer?.getParameter("cn")).toBe("Müller, Hans");
    const attendees = event.getAllProperties("attendee");
    expect(attendees.map((a) => String(a.getFirstValue()).toLowerCase())).toEqual([
      "mailto:anna@example.com",
      "mailto:uemit@example.org",
    ]);
    expect(attendees.map((a) => a.getParameter("cn"))).toEqual(['Anna "Ann" Schmidt', "Ümit Öztürk"]);
    for (const a of attendees) {
      expect(a.getParameter("role")).toBe("REQ-PARTICIPANT");
      expect(a.getParameter("partstat")).toBe("NEEDS-ACTION");
      expect(a.getParameter("rsvp")).toBe("TRUE");
    }
  });

  it("reads the same with node-ical", () => {
    const { event, calendar } = readWithNodeIcal(invitation(request));
    expect(calendar?.method).toBe("REQUEST");
    expect(event.uid).toBe(request.uid);
    expect(Number(event.sequence)).toBe(0);
    expect(event.status).toBe("CONFIRMED");
    expect(event.start.getTime()).toBe(request.start);
    expect(event.end?.getTime()).toBe(request.end);
    expect(event.summary).toBe(GERMAN);
    expect(event.description).toBe(request.description);
    expect(event.location).toBe(request.location);
    const organizer = event.organizer as { params: { CN: string }; val: string };
    expect(organizer.val.toLowerCase()).toBe("mailto:hans@example.de");
    expect(organizer.params.CN).toBe("Müller, Hans");
    const attendees = list(event.attendee as { params: Record<string, unknown>; val: string } | undefined);
    expect(attendees.map((a) => a.val.toLowerCase())).toEqual([
      "mailto:anna@example.com",
      "mailto:uemit@example.org",
    ]);
    expect(attendees.map((a) => a.params.PARTSTAT)).toEqual(["NEEDS-ACTION", "NEEDS-ACTION"]);
  });

  it("writes a cancellation with the same UID, a higher SEQUENCE, STATUS:CANCELLED and no RSVP", () => {
    const text = invitation({ ...request, method: "CANCEL", sequence: 1 });
    const { root, event } = readWithIcalJs(text);
    expect(root.getFirstPropertyValue("method")).toBe("CANCEL");
    expect(event.getFirstPropertyValue("uid")).toBe(request.uid);
    expect(event.getFirstPropertyValue("sequence")).toBe(1);
    expect(event.getFirstPropertyValue("status")).toBe("CANCELLED");
    expect(event.getAllProperties("attendee").map((a) => a.getParameter("rsvp"))).toEqual(["FALSE", "FALSE"]);
    const other = readWithNodeIcal(text);
    expect(other.calendar?.method).toBe("CANCEL");
    expect(other.event.status).toBe("CANCELLED");
    expect(Number(other.event.sequence)).toBe(1);
  });

  it("writes local times with TZID and a VTIMEZONE when given a zone, read as the same instants", () => {
    for (const [start, local] of [
      ["2026-01-15T08:00:00Z", "20260115T090000"],
      ["2026-07-15T07:00:00Z", "20260715T090000"],
    ] as const) {
      const input = { ...request, start: at(start), end: at(start) + 1_800_000, timeZone: "Europe/Berlin" };
      const text = invitation(input);
      expect(text).toContain(`DTSTART;TZID=Europe/Berlin:${local}`);
      expect(text).toContain("BEGIN:VTIMEZONE");
      expect(instant(readWithIcalJs(text).event, "dtstart")).toBe(input.start);
      expect(instant(readWithIcalJs(text).event, "dtstamp")).toBe(request.now);
      expect(readWithNodeIcal(text).event.start.getTime()).toBe(input.start);
      expect(readWithNodeIcal(text).event.end?.getTime()).toBe(input.end);
    }
  });

  it("refuses an address that would break out of the ATTENDEE line, and an unknown zone", () => {
    const sneaky = { name: "x", email: "a@example.com\r\nATTENDEE:mailto:evil@example.com" };
    expect(() => invitation({ ...request, attendees: [sneaky] })).toThrow(TypeError);
    expect(() => invitation({ ...request, timeZone: "Mars/Olympus" })).toThrow(RangeError);
  });
});

describe("subscription feeds", () => {
  const name = "Assista: Anna, Termine; Büro\nzweite Zeile";
  const events = [
    {
      uid: "weekly@assista.example",
      start: at("2026-03-16T08:00:00Z"),
      end: at("2026-03-16T09:00:00Z"),
      summary: "Wöchentliche Abstimmung, Büro; Planung",
      rrule: "FREQ=WEEKLY;BYDAY=MO;COUNT=4",
      sequence: 3,
    },
    {
      uid: "deadline@assista.example",
      start: at("2026-03-20T15:00:00Z"),
      end: at("2026-03-20T15:30:00Z"),
      summary: "Frist: Umsatzsteuer",
      description: GERMAN,
      status: "tentative" as const,
    },
  ];
  const text = feed({ name, events, timeZone: "Europe/Berlin", now: at("2026-03-01T00:00:00Z") });

  it("has no METHOD, a name, a 15-minute refresh and the events (ical.js)", () => {
    const { root, events: read } = readWithIcalJs(text);
    expect(root.getFirstPropertyValue("method")).toBeNull();
    // ical.js leaves X- properties as written, which shows the TEXT escaping itself.
    expect(root.getFirstPropertyValue("x-wr-calname")).toBe(
      "Assista: Anna\\, Termine\\; Büro\\nzweite Zeile",
    );
    expect(String(root.getFirstPropertyValue("refresh-interval"))).toBe("PT15M");
    expect(String(root.getFirstPropertyValue("x-published-ttl"))).toBe("PT15M");
    expect(read.map((e) => e.getFirstPropertyValue("uid"))).toEqual(events.map((e) => e.uid));
    expect(read[0]?.getFirstPropertyValue("sequence")).toBe(3);
    expect(read[1]?.getFirstPropertyValue("status")).toBe("TENTATIVE");
    expect(read[1]?.getFirstPropertyValue("description")).toBe(GERMAN);
    expect(String(read[0]?.getFirstPropertyValue("rrule"))).toBe("FREQ=WEEKLY;COUNT=4;BYDAY=MO");
  });

  it("keeps a weekly 09:00 Berlin event at 09:00 across the change to summer time (ical.js)", () => {
    const weekly = new ICAL.Event(readWithIcalJs(text).events[0]);
    const it = weekly.iterator();
    const starts: string[] = [];
    for (let next = it.next(); next; next = it.next()) starts.push(next.toJSDate().toISOString());
    expect(starts).toEqual([
      "2026-03-16T08:00:00.000Z",
      "2026-03-23T08:00:00.000Z",
      "2026-03-30T07:00:00.000Z",
      "2026-04-06T07:00:00.000Z",
    ]);
  });

  it("reads the same with node-ical, recurrence included", () => {
    const { events: read, calendar } = readWithNodeIcal(text);
    expect(calendar?.method).toBeUndefined();
    expect(calendar?.["WR-CALNAME"]).toBe(name);
    expect(read.map((e) => e.uid)).toEqual(events.map((e) => e.uid));
    expect(read[1]?.description).toBe(GERMAN);
    expect(read[1]?.start.getTime()).toBe(events[1]?.start);
    const weekly = read[0] as VEvent;
    const occurrences = nodeIcal.expandRecurringEvent(weekly, {
      from: new Date("2026-03-01T00:00:00Z"),
      to: new Date("2026-05-01T00:00:00Z"),
    });
    expect(occurrences.map((o) => o.start.toISOString())).toEqual([
      "2026-03-16T08:00:00.000Z",
      "2026-03-23T08:00:00.000Z",
      "2026-03-30T07:00:00.000Z",
      "2026-04-06T07:00:00.000Z",
    ]);
  });

  it("writes the recurring event on the zone's clock and one-off events in UTC", () => {
    expect(text).toContain("DTSTART;TZID=Europe/Berlin:20260316T090000");
    expect(text).toContain("DTSTART:20260320T150000Z");
  });

  it("writes UTC times without a zone", () => {
    const utc = feed({ name: "x", events: [events[1] as (typeof events)[number]], now: 0 });
    expect(utc).toContain("DTSTART:20260320T150000Z");
    expect(utc).not.toContain("VTIMEZONE");
    expect(utc).not.toContain("METHOD:");
  });

  it("refuses a rule that is not one or that smuggles in another line", () => {
    const bad = (rrule: string) => () =>
      feed({ name: "x", events: [{ ...(events[0] as (typeof events)[number]), rrule }] });
    expect(bad("FREQ=WEEKLY\r\nATTENDEE:mailto:evil@example.com")).toThrow(TypeError);
    expect(bad("BYDAY=MO")).toThrow();
    expect(bad("FREQ=DAILY;BYHOUR=25")).toThrow();
  });
});
