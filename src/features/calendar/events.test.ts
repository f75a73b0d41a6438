import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../server/testing/app.ts";
import { Browser, lastMailTo, signedIn } from "../../server/testing/http.ts";
import { contract } from "../contracts/tables.ts";
import { hiredContract } from "../messaging/testing.ts";
import { weeklyInBerlin } from "./testing.ts";

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

type User = Awaited<ReturnType<typeof signedIn>>;

/** A hired contract between a client (Berlin) and an assistant, both signed in. */
async function contractParties() {
  const { client, assistant, contractId } = await hiredContract(app);
  return { client, assistant, contractId, events: `/api/v1/contracts/${contractId}/events` };
}

const weekly = weeklyInBerlin;

const list = (user: Browser, url: string, from: string, to: string) =>
  user.get(`${url}?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
const del = (user: Browser, url: string) => user.request("DELETE", url);
const fieldErrors = (res: { json(): { errors?: { field: string; code: string }[] } }) =>
  (res.json().errors ?? []).map((e) => `${e.field}:${e.code}`);
const noticesOf = async (user: User) =>
  (await user.get("/api/v1/notifications"))
    .json()
    .items.filter((n: { type: string }) => n.type === "calendar.event_changed");

describe("contract calendar: both parties", () => {
  it("either party adds, changes and deletes events; each change counts up the sequence and tells the other", async () => {
    const { client, assistant, events } = await contractParties();
    const created = await assistant.post(events, {
      title: "Zahnarzt für Frau Berger",
      start: "2027-01-12T15:00",
      end: "2027-01-12T16:00",
      timeZone: "Europe/Berlin",
      location: "Praxis Dr. Lang, Hauptstr. 3",
      url: "https://meet.example.com/abc",
      notes: "Versichertenkarte **mitbringen**.",
    });
    expect(created.statusCode, created.body).toBe(201);
    const event = created.json();
    expect(event).toMatchObject({
      title: "Zahnarzt für Frau Berger",
      allDay: false,
      start: "2027-01-12T15:00",
      startsAt: "2027-01-12T14:00:00.000Z",
      endsAt: "2027-01-12T15:00:00.000Z",
      sequence: 0,
      rrule: null,
      createdBy: assistant.userId,
    });
    expect(await noticesOf(client)).toMatchObject([
      { data: { change: "created", title: "Zahnarzt für Frau Berger", actor: "Anna Schmidt" } },
    ]);
    expect(await noticesOf(assistant)).toEqual([]);
    // By e-mail too, by default, in the client's language, with a link to the calendar.
    const mail = await lastMailTo(app, client.email);
    expect(mail?.subject).toBe("Termin eingetragen: „Zahnarzt für Frau Berger“");
    expect(mail?.text).toContain(`/contracts/${event.contractId}/calendar`);

    const seen = await list(client, events, "2027-01-11T00:00:00+01:00", "2027-01-18T00:00:00+01:00");
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json()).toEqual({
      events: [event],
      occurrences: [{ eventId: event.id, startsAt: event.startsAt, endsAt: event.endsAt }],
    });

    const moved = await client.patch(`${events}/${event.id}`, {
      start: "2027-01-12T16:00",
      end: "2027-01-12T17:00",
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({
      startsAt: "2027-01-12T15:00:00.000Z",
      sequence: 1,
      location: event.location,
    });
    const renamed = await assistant.patch(`${events}/${event.id}`, {
      title: "Zahnarzt (verlegt)",
      url: null,
    });
    expect(renamed.json()).toMatchObject({ title: "Zahnarzt (verlegt)", url: null, sequence: 2 });
    expect((await noticesOf(assistant)).map((n: { data: { change: string } }) => n.data.change)).toEqual([
      "updated",
    ]);

    expect((await del(client, `${events}/${event.id}`)).statusCode).toBe(204);
    expect((await del(client, `${events}/${event.id}`)).statusCode).toBe(404);
    const after = await list(assistant, events, "2027-01-01T00:00:00Z", "2027-02-01T00:00:00Z");
    expect(after.json()).toEqual({ events: [], occurrences: [] });
    expect((await noticesOf(assistant))[0].data).toMatchObject({
      change: "deleted",
      title: "Zahnarzt (verlegt)",
    });
  });

  it("a changed zone alone keeps the clock time: the event moves to 09:00 in the new zone", async () => {
    const { client, events } = await contractParties();
    const event = (await client.post(events, { ...weekly, rrule: null })).json();
    const moved = (await client.patch(`${events}/${event.id}`, { timeZone: "America/New_York" })).json();
    expect(moved).toMatchObject({
      start: "2027-03-15T09:00",
      startsAt: "2027-03-15T13:00:00.000Z",
      sequence: 1,
    });
  });

  it("all-day events take dates, end on the day after the last, and last 23 hours on the day clocks jump", async () => {
    const { client, events } = await contractParties();
    const created = await client.post(events, {
      title: "Messe",
      allDay: true,
      start: "2027-03-28",
      end: "2027-03-29",
      timeZone: "Europe/Berlin",
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({
      start: "2027-03-28",
      end: "2027-03-29",
      startsAt: "2027-03-27T23:00:00.000Z",
      endsAt: "2027-03-28T22:00:00.000Z",
    });
  });

  it("an ended contract's calendar can be read but not changed", async () => {
    const { client, contractId, events } = await contractParties();
    const event = (await client.post(events, { ...weekly, rrule: null })).json();
    await app.database.db.update(contract).set({ status: "ended" }).where(eq(contract.id, contractId));
    const refused = await client.post(events, { ...weekly, rrule: null });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().reason).toBe("contract.ended");
    expect((await client.patch(`${events}/${event.id}`, { title: "Neu" })).statusCode).toBe(409);
    expect(
      (await list(client, events, "2027-03-01T00:00:00Z", "2027-04-01T00:00:00Z")).json().events,
    ).toHaveLength(1);
  });
});

describe("contract calendar: nobody else", () => {
  it("a third user gets 404 for everything, someone signed out 401, and another contract's event id 404", async () => {
    const { client, events, contractId } = await contractParties();
    const event = (await client.post(events, weekly)).json();
    const stranger = await signedIn(app, ["client", "assistant"]);
    const context = `/api/v1/contracts/${contractId}/calendar-context?from=2027-03-15T00:00:00Z&to=2027-03-22T00:00:00Z`;
    for (const res of [
      await list(stranger, events, "2027-03-01T00:00:00Z", "2027-04-01T00:00:00Z"),
      await stranger.post(events, weekly),
      await stranger.patch(`${events}/${event.id}`, { title: "Übernommen" }),
      await del(stranger, `${events}/${event.id}`),
      await stranger.get(context),
    ]) {
      expect(res.statusCode, res.body).toBe(404);
    }
    const outsider = new Browser(app);
    expect((await outsider.get(context)).statusCode).toBe(401);
    expect((await outsider.post(events, weekly)).statusCode).toBe(401);

    // The parties of another contract cannot reach this event through their own contract.
    const other = await contractParties();
    expect((await other.client.patch(`${other.events}/${event.id}`, { title: "Fremd" })).statusCode).toBe(
      404,
    );
    expect((await del(other.assistant, `${other.events}/${event.id}`)).statusCode).toBe(404);
    const unchanged = await list(client, events, "2027-03-15T00:00:00Z", "2027-03-16T00:00:00Z");
    expect(unchanged.json().events[0]).toMatchObject({ title: weekly.title, sequence: 0 });
  });
});

describe("contract calendar: what is refused", () => {
  it("names each field: zone, end before start, repeat rule, link, kind of time, unknown field", async () => {
    const { client, events } = await contractParties();
    const cases: [Record<string, unknown>, string[]][] = [
      [{ timeZone: "Mars/Olympus" }, ["timeZone:time_zone_invalid"]],
      [{ timeZone: "+01:00" }, ["timeZone:time_zone_invalid"]],
      [{ end: "2027-03-15T08:00" }, ["end:end_before_start"]],
      [{ end: weekly.start }, ["end:end_before_start"]],
      [{ start: "2027-02-30T09:00" }, ["start:datetime_invalid"]],
      [{ allDay: true }, ["start:date_invalid", "end:date_invalid"]],
      [{ rrule: "FREQ=FORTNIGHTLY" }, ["rrule:rrule_invalid"]],
      [{ rrule: "FREQ=HOURLY" }, ["rrule:rrule_frequency"]],
      [{ rrule: "FREQ=DAILY;BYHOUR=9,10" }, ["rrule:rrule_frequency"]],
      [{ rrule: "FREQ=WEEKLY;COUNT=3;UNTIL=20270412" }, ["rrule:rrule_count_and_until"]],
      [{ rrule: "FREQ=DAILY;COUNT=5000" }, ["rrule:rrule_count_too_large"]],
      [{ rrule: "FREQ=WEEKLY;UNTIL=20270231" }, ["rrule:rrule_until_invalid"]],
      [{ rrule: "DTSTART:20270101T000000Z\nRRULE:FREQ=DAILY" }, ["rrule:rrule_invalid"]],
      [{ rrule: "FREQ=WEEKLY;BYDAY=1MO" }, ["rrule:rrule_invalid"]],
      [{ rrule: "FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30" }, ["rrule:rrule_never_repeats"]],
      [{ rrule: "FREQ=WEEKLY;UNTIL=20270301" }, ["rrule:rrule_never_repeats"]],
      [{ url: "javascript:alert(1)" }, ["url:url_invalid"]],
      [{ url: "ftp://files.example.com/plan" }, ["url:url_invalid"]],
      [{ title: "  " }, ["title:required"]],
      [{ title: "x".repeat(201) }, ["title:too_long"]],
      [{ notes: "x".repeat(5001) }, ["notes:too_long"]],
      [{ sequence: 7 }, ["sequence:unknown_field"]],
    ];
    for (const [change, expected] of cases) {
      const res = await client.post(events, { ...weekly, ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(fieldErrors(res), JSON.stringify(change)).toEqual(expected);
    }
  });

  it("refuses times that only fail as instants, and a change that breaks the stored times", async () => {
    const { client, events } = await contractParties();
    // 02:30 does not exist on 28 March 2027 in Berlin and reads as 03:30, after 03:15.
    const skipped = await client.post(events, {
      ...weekly,
      rrule: null,
      start: "2027-03-28T02:30",
      end: "2027-03-28T03:15",
    });
    expect(fieldErrors(skipped)).toEqual(["end:end_before_start"]);
    const event = (await client.post(events, weekly)).json();
    expect(fieldErrors(await client.patch(`${events}/${event.id}`, { end: "2027-03-15T08:00" }))).toEqual([
      "end:end_before_start",
    ]);
    expect(fieldErrors(await client.patch(`${events}/${event.id}`, {}))).toEqual([":required"]);
    expect(fieldErrors(await client.patch(`${events}/${event.id}`, { rrule: "FREQ=SECONDLY" }))).toEqual([
      "rrule:rrule_frequency",
    ]);
  });

  it("lists a window of at most 400 days, given as instants with an offset", async () => {
    const { client, events } = await contractParties();
    expect(fieldErrors(await list(client, events, "2027-01-01T00:00:00Z", "2028-03-01T00:00:00Z"))).toEqual([
      "to:range_too_long",
    ]);
    expect(fieldErrors(await list(client, events, "2027-01-01", "2027-02-01T00:00:00Z"))).toEqual([
      "from:datetime_invalid",
    ]);
    expect(fieldErrors(await list(client, events, "2027-02-01T00:00:00Z", "2027-01-01T00:00:00Z"))).toEqual([
      "to:end_before_start",
    ]);
  });
});

describe("contract calendar: recurring events", () => {
  const mondays = async (user: Browser, events: string) =>
    (await list(user, events, "2027-03-01T00:00:00Z", "2027-05-01T00:00:00Z"))
      .json()
      .occurrences.map((o: { startsAt: string }) => o.startsAt);

  it("a weekly 09:00 in Berlin stays 09:00 there when summer time starts; UNTIL as a date keeps its last day", async () => {
    const { client, assistant, events } = await contractParties();
    const created = (await assistant.post(events, weekly)).json();
    expect(created.rrule).toBe("FREQ=WEEKLY;UNTIL=20270412T215959Z");
    expect(await mondays(client, events)).toEqual([
      "2027-03-15T08:00:00.000Z",
      "2027-03-22T08:00:00.000Z",
      "2027-03-29T07:00:00.000Z",
      "2027-04-05T07:00:00.000Z",
      "2027-04-12T07:00:00.000Z",
    ]);
  });

  it("a weekly 09:00 in New York stays 09:00 there across both of its changes, each occurrence as long as the first", async () => {
    const { client, events } = await contractParties();
    const res = await client.post(events, {
      ...weekly,
      start: "2027-03-08T09:00",
      end: "2027-03-08T10:30",
      timeZone: "America/New_York",
      rrule: "FREQ=WEEKLY;BYDAY=MO;COUNT=40",
    });
    expect(res.statusCode, res.body).toBe(201);
    const spring = await list(client, events, "2027-03-08T00:00:00Z", "2027-03-23T00:00:00Z");
    expect(spring.json().occurrences).toEqual(
      ["2027-03-08T14:00", "2027-03-15T13:00", "2027-03-22T13:00"].map((start) => ({
        eventId: res.json().id,
        startsAt: `${start}:00.000Z`,
        originalStartsAt: `${start}:00.000Z`,
        endsAt: new Date(Date.parse(`${start}:00Z`) + 90 * 60_000).toISOString(),
      })),
    );
    // Clocks go back on 7 November 2027; COUNT=40 ends on 6 December.
    const autumn = await list(client, events, "2027-11-01T00:00:00Z", "2028-01-01T00:00:00Z");
    expect(autumn.json().occurrences.map((o: { startsAt: string }) => o.startsAt)).toEqual([
      "2027-11-01T13:00:00.000Z",
      "2027-11-08T14:00:00.000Z",
      "2027-11-15T14:00:00.000Z",
      "2027-11-22T14:00:00.000Z",
      "2027-11-29T14:00:00.000Z",
      "2027-12-06T14:00:00.000Z",
    ]);
  });

  it("an occurrence that began before the window still shows, and an event with nothing in the window does not", async () => {
    const { client, events } = await contractParties();
    const daily = (
      await client.post(events, {
        ...weekly,
        title: "Nachtdienst",
        start: "2027-10-30T22:00",
        end: "2027-10-31T06:00",
        rrule: "FREQ=DAILY;COUNT=3",
      })
    ).json();
    await client.post(events, { ...weekly, title: "Später" });
    // Clocks go back in Berlin on 31 October: the night shift of the 30th lasts 9 real hours, so
    // it ends at 06:00 CET (05:00 UTC).
    const res = await list(client, events, "2027-10-31T03:00:00Z", "2027-10-31T04:00:00Z");
    expect(res.json().events.map((e: { title: string }) => e.title)).toEqual(["Nachtdienst"]);
    expect(res.json().occurrences).toEqual([
      {
        eventId: daily.id,
        startsAt: "2027-10-30T20:00:00.000Z",
        originalStartsAt: "2027-10-30T20:00:00.000Z",
        endsAt: "2027-10-31T05:00:00.000Z",
      },
    ]);
  });

  it("refuses a window with more occurrences than one answer holds", async () => {
    const { client, events } = await contractParties();
    for (let i = 0; i < 26; i++)
      await client.post(events, { ...weekly, title: `Täglich ${i}`, rrule: "FREQ=DAILY" });
    const res = await list(client, events, "2027-03-15T00:00:00Z", "2028-04-15T00:00:00Z");
    expect(res.statusCode).toBe(422);
    expect(res.json().reason).toBe("calendar.too_many_occurrences");
    expect((await list(client, events, "2027-03-15T00:00:00Z", "2027-04-15T00:00:00Z")).statusCode).toBe(200);
  });
});

describe("contract calendar: the parties' zones and common hours", () => {
  it("overlaps the assistant's profile hours with an office week assumed for the client, in UTC", async () => {
    const { client, assistant, contractId } = await contractParties();
    const saved = await assistant.request("PUT", "/api/v1/me/assistant-profile", {
      headline: "Virtuelle Assistenz",
      yearsExperience: 8,
      timeZone: "Asia/Manila",
      weeklyHours: ["mon", "tue", "wed", "thu", "fri"].map((day) => ({ day, from: "09:00", to: "17:00" })),
    });
    expect(saved.statusCode, saved.body).toBe(200);
    const url = `/api/v1/contracts/${contractId}/calendar-context`;
    // The week of 22 March 2027 (Berlin changes to summer time on Sunday the 28th).
    const res = await client.get(`${url}?from=2027-03-22T00:00:00%2B01:00&to=2027-03-29T00:00:00%2B02:00`);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.viewer).toMatchObject({
      name: "Clara Berger",
      role: "client",
      timeZone: "Europe/Berlin",
      workingHours: { timeZone: "Europe/Berlin", assumed: true },
    });
    expect(body.other).toMatchObject({
      name: "Anna Schmidt",
      role: "assistant",
      workingHours: { timeZone: "Asia/Manila", assumed: false },
    });
    // Manila 09:00–17:00 is 01:00–09:00 UTC; Berlin 09:00–17:00 is 08:00–16:00 UTC in winter.
    expect(body.overlap).toEqual(
      ["22", "23", "24", "25", "26"].map((d) => ({
        startsAt: `2027-03-${d}T08:00:00.000Z`,
        endsAt: `2027-03-${d}T09:00:00.000Z`,
      })),
    );
    const theirs = (await assistant.get(`${url}?from=2027-03-29T00:00:00Z&to=2027-03-30T00:00:00Z`)).json();
    expect(theirs.viewer.role).toBe("assistant");
    // In summer Berlin starts at 07:00 UTC: two common hours.
    expect(theirs.overlap).toEqual([
      { startsAt: "2027-03-29T07:00:00.000Z", endsAt: "2027-03-29T09:00:00.000Z" },
    ]);
    const tooLong = await client.get(`${url}?from=2027-03-01T00:00:00Z&to=2027-06-01T00:00:00Z`);
    expect(fieldErrors(tooLong)).toEqual(["to:range_too_long"]);
  });
});
