import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../server/testing/app.ts";
import { Browser, lastMailTo, signedIn } from "../../server/testing/http.ts";
import { contract } from "../contracts/tables.ts";
import { hiredContract } from "../messaging/testing.ts";
import { contractEventOccurrence } from "./tables.ts";
import { weeklyInBerlin } from "./testing.ts";

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

// A weekly 09:00 in Berlin across the change to summer time on 28 March 2027: 08:00 UTC on the
// 15th and 22nd, 07:00 UTC on 29 March, 5 and 12 April.
const weekly = weeklyInBerlin;
const MAR_29 = "2027-03-29T07:00:00.000Z";
const APR_05 = "2027-04-05T07:00:00.000Z";

async function series(body: Record<string, unknown> = weekly) {
  const parties = await hiredContract(app);
  const events = `/api/v1/contracts/${parties.contractId}/events`;
  const created = await parties.assistant.post(events, body);
  expect(created.statusCode, created.body).toBe(201);
  const event = created.json();
  const at = (original: string, scope = "this") =>
    `${events}/${event.id}/occurrences/${encodeURIComponent(original)}?scope=${scope}`;
  return { ...parties, events, event, at };
}

interface Listed {
  eventId: string;
  startsAt: string;
  originalStartsAt?: string;
  title?: string;
}
const listed = async (
  user: Browser,
  events: string,
  from = "2027-03-01T00:00:00Z",
  to = "2027-05-01T00:00:00Z",
) => {
  const res = await user.get(`${events}?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    events: { id: string; title: string; rrule: string | null }[];
    occurrences: Listed[];
  };
};
/** A change of one occurrence (or of those following) that must succeed: the series and the occurrence now. */
async function changed(user: Browser, url: string, body: Record<string, unknown>) {
  const res = await user.request("PUT", url, body);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as {
    event: { id: string; sequence: number; rrule: string | null };
    occurrence: Listed & { endsAt: string };
  };
}
const starts = async (user: Browser, events: string) =>
  (await listed(user, events)).occurrences.map((o) => o.startsAt);
const changes = async (user: Browser) =>
  (await user.get("/api/v1/notifications"))
    .json()
    .items.filter((n: { type: string }) => n.type === "calendar.event_changed")
    .map((n: { data: { change: string } }) => n.data.change);

describe("one occurrence of a series", () => {
  it("moves one occurrence and deletes another; the rest of the series stays and the other party hears of both", async () => {
    const { client, assistant, events, at } = await series();
    const moved = await changed(client, at(MAR_29), {
      start: "2027-03-30T11:00",
      end: "2027-03-30T12:00",
      title: "Verlegt",
    });
    expect(moved.occurrence).toMatchObject({
      startsAt: "2027-03-30T09:00:00.000Z",
      endsAt: "2027-03-30T10:00:00.000Z",
      originalStartsAt: MAR_29,
      title: "Verlegt",
    });
    expect(moved.event.sequence).toBe(1);
    expect((await client.request("DELETE", at(APR_05))).statusCode).toBe(204);
    expect(await starts(assistant, events)).toEqual([
      "2027-03-15T08:00:00.000Z",
      "2027-03-22T08:00:00.000Z",
      "2027-03-30T09:00:00.000Z",
      "2027-04-12T07:00:00.000Z",
    ]);
    const list = await listed(assistant, events);
    expect(list.occurrences.map((o) => o.title ?? null)).toEqual([null, null, "Verlegt", null]);
    // Each notice names the one date it is about (newest first), in the series' zone.
    const notices = (await assistant.get("/api/v1/notifications"))
      .json()
      .items.filter((n: { type: string }) => n.type === "calendar.event_changed")
      .map((n: { data: Record<string, unknown> }) => [n.data.change, n.data.occurrenceAt, n.data.timeZone]);
    expect(notices).toEqual([
      ["occurrence_deleted", APR_05, "Europe/Berlin"],
      ["occurrence_updated", MAR_29, "Europe/Berlin"],
    ]);
    const mail = await lastMailTo(app, assistant.email);
    expect(mail?.subject).toBe("Termin am Montag, 5. April 2027 gelöscht: „Wochenbesprechung“");
    expect(mail?.text).toContain("Die übrigen Termine der Serie bleiben");
    // Moved out of its own day: a window of that day no longer holds it, one of its new day does.
    expect(
      (await listed(client, events, "2027-03-29T00:00:00Z", "2027-03-30T00:00:00Z")).occurrences,
    ).toEqual([]);
    const moving = await listed(client, events, "2027-03-30T00:00:00Z", "2027-03-31T00:00:00Z");
    expect(moving.occurrences.map((o) => o.originalStartsAt)).toEqual([MAR_29]);
    // Deleted once is gone: changing or deleting it again is a 404.
    expect((await client.request("PUT", at(APR_05), { title: "Wieder da" })).statusCode).toBe(404);
    expect((await client.request("DELETE", at(APR_05))).statusCode).toBe(404);
  });

  it("an occurrence changed back to the series' values keeps nothing of its own", async () => {
    const { client, events, at } = await series();
    await client.request("PUT", at(MAR_29), { title: "Anders", location: "Raum 2" });
    const back = await client.request("PUT", at(MAR_29), { title: weekly.title, location: "" });
    expect(back.json().occurrence).toEqual({
      eventId: back.json().event.id,
      startsAt: MAR_29,
      endsAt: "2027-03-29T07:30:00.000Z",
      originalStartsAt: MAR_29,
    });
    expect((await listed(client, events)).occurrences.every((o) => o.title === undefined)).toBe(true);
  });

  it("an all-day occurrence on the 23-hour day clocks jump keeps the series' day when only its title changes", async () => {
    const { client, events, event, at } = await series({
      title: "Messe",
      allDay: true,
      start: "2027-03-27",
      end: "2027-03-28",
      timeZone: "Europe/Berlin",
      rrule: "FREQ=DAILY;COUNT=3",
    });
    const sunday = await changed(client, at("2027-03-27T23:00:00.000Z"), {
      title: "Messe (Sonntag)",
      end: "2027-03-29",
    });
    expect(sunday.occurrence).toMatchObject({
      startsAt: "2027-03-27T23:00:00.000Z",
      endsAt: "2027-03-28T22:00:00.000Z",
    });
    const [stored] = await app.database.db
      .select()
      .from(contractEventOccurrence)
      .where(eq(contractEventOccurrence.eventId, event.id));
    expect(stored).toMatchObject({ title: "Messe (Sonntag)", startsAt: null, endsAt: null });
    expect((await listed(client, events)).occurrences.map((o) => o.title ?? null)).toEqual([
      null,
      "Messe (Sonntag)",
      null,
    ]);
  });

  it("changing the whole series keeps overrides whose occurrence it still has and drops the others", async () => {
    const { client, events, event, at } = await series();
    await client.request("PUT", at(MAR_29), { title: "Sondertermin" });
    await client.request("DELETE", at(APR_05));
    // A new title for all: the occurrence's own title and the deletion stay.
    await client.patch(`${events}/${event.id}`, { title: "Jour fixe" });
    const renamed = await listed(client, events);
    expect(renamed.occurrences.map((o) => o.title ?? renamed.events[0]?.title)).toEqual([
      "Jour fixe",
      "Jour fixe",
      "Sondertermin",
      "Jour fixe",
    ]);
    // An hour later for all: no occurrence starts where the overrides were, so both are dropped.
    await client.patch(`${events}/${event.id}`, { start: "2027-03-15T10:00", end: "2027-03-15T10:30" });
    const later = await listed(client, events);
    expect(later.occurrences).toHaveLength(5);
    expect(later.occurrences.every((o) => o.title === undefined)).toBe(true);
  });
});

describe("this and following occurrences", () => {
  it("splits the series: the old one ends just before, a new one starts there with the change", async () => {
    const { client, assistant, events, event, at } = await series();
    const res = await client.request("PUT", at(MAR_29, "following"), {
      start: "2027-03-29T10:00",
      end: "2027-03-29T10:30",
    });
    expect(res.statusCode, res.body).toBe(200);
    const next = res.json().event;
    expect(next).toMatchObject({
      start: "2027-03-29T10:00",
      timeZone: "Europe/Berlin",
      rrule: "FREQ=WEEKLY;UNTIL=20270412T215959Z",
      title: weekly.title,
      createdBy: assistant.userId,
    });
    expect(next.id).not.toBe(event.id);
    const list = await listed(client, events);
    expect(list.events.find((e) => e.id === event.id)?.rrule).toBe("FREQ=WEEKLY;UNTIL=20270328T215959Z");
    expect(list.occurrences.map((o) => [o.eventId === event.id ? "old" : "new", o.startsAt])).toEqual([
      ["old", "2027-03-15T08:00:00.000Z"],
      ["old", "2027-03-22T08:00:00.000Z"],
      ["new", "2027-03-29T08:00:00.000Z"],
      ["new", "2027-04-05T08:00:00.000Z"],
      ["new", "2027-04-12T08:00:00.000Z"],
    ]);
    expect(await changes(assistant)).toEqual(["updated"]);
  });

  it("a counted series keeps its number across both halves, and the later overrides go along", async () => {
    const { client, events, event, at } = await series({ ...weekly, rrule: "FREQ=WEEKLY;COUNT=5" });
    await client.request("PUT", at(APR_05), { title: "Mit Steuerberater" });
    const res = await client.request("PUT", at(MAR_29, "following"), { title: "Neue Runde" });
    const next = res.json().event;
    expect(next.rrule).toBe("FREQ=WEEKLY;COUNT=3");
    const list = await listed(client, events);
    expect(list.events.find((e) => e.id === event.id)?.rrule).toBe("FREQ=WEEKLY;UNTIL=20270328T215959Z");
    expect(
      list.occurrences.map((o) => o.title ?? list.events.find((e) => e.id === o.eventId)?.title),
    ).toEqual([weekly.title, weekly.title, "Neue Runde", "Mit Steuerberater", "Neue Runde"]);
    expect(list.occurrences[3]?.eventId).toBe(next.id);
  });

  it("deleting this and following cuts the series; from its first occurrence it deletes the event", async () => {
    const { client, events, at } = await series();
    expect((await client.request("DELETE", at(APR_05, "following"))).statusCode).toBe(204);
    expect(await starts(client, events)).toEqual([
      "2027-03-15T08:00:00.000Z",
      "2027-03-22T08:00:00.000Z",
      MAR_29,
    ]);
    expect((await client.request("DELETE", at("2027-03-15T08:00:00.000Z", "following"))).statusCode).toBe(
      204,
    );
    expect((await listed(client, events)).events).toEqual([]);
  });

  it("cut down to its first occurrence, a series becomes a one-off event", async () => {
    const { client, events, at } = await series();
    await client.request("DELETE", at("2027-03-22T08:00:00.000Z", "following"));
    const list = await listed(client, events);
    expect(list.events.map((e) => e.rrule)).toEqual([null]);
    expect(list.occurrences).toEqual([expect.not.objectContaining({ originalStartsAt: expect.anything() })]);
  });

  it("cut down to its first occurrence, a series keeps what that occurrence had of its own", async () => {
    const first = "2027-03-15T08:00:00.000Z";
    const moved = await series();
    await changed(moved.client, moved.at(first), {
      start: "2027-03-15T11:00",
      end: "2027-03-15T11:30",
      title: "Später",
    });
    await moved.client.request("DELETE", moved.at("2027-03-22T08:00:00.000Z", "following"));
    const kept = await listed(moved.client, moved.events);
    expect(kept.events.map((e) => [e.rrule, e.title])).toEqual([[null, "Später"]]);
    expect(kept.occurrences.map((o) => o.startsAt)).toEqual(["2027-03-15T10:00:00.000Z"]);
    // A deleted first date stays deleted: with nothing left, the event goes.
    const gone = await series();
    expect((await gone.client.request("DELETE", gone.at(first))).statusCode).toBe(204);
    await gone.client.request("DELETE", gone.at("2027-03-22T08:00:00.000Z", "following"));
    const left = await listed(gone.client, gone.events);
    expect([left.events, left.occurrences]).toEqual([[], []]);
  });
});

describe("occurrences: who and what is refused", () => {
  it("only the contract's parties reach an occurrence: others get 404, signed out 401", async () => {
    const { client, events, at } = await series();
    const stranger = await signedIn(app, ["client", "assistant"]);
    expect((await stranger.request("PUT", at(MAR_29), { title: "Übernommen" })).statusCode).toBe(404);
    expect((await stranger.request("DELETE", at(MAR_29, "following"))).statusCode).toBe(404);
    const other = await hiredContract(app);
    const through = at(MAR_29).replace(/contracts\/[^/]+/, `contracts/${other.contractId}`);
    expect((await other.client.request("PUT", through, { title: "Fremd" })).statusCode).toBe(404);
    expect((await other.assistant.request("DELETE", through)).statusCode).toBe(404);
    expect((await new Browser(app).request("PUT", at(MAR_29), { title: "Anonym" })).statusCode).toBe(401);
    expect(await starts(client, events)).toHaveLength(5);
  });

  it("names what is wrong: no such occurrence, a one-off event, a series-only field, a bad start or scope", async () => {
    const { client, events, contractId, at } = await series();
    const notOne = await client.request("PUT", at("2027-03-16T08:00:00.000Z"), { title: "Dienstag" });
    expect(notOne.statusCode).toBe(422);
    expect(notOne.json().reason).toBe("calendar.not_an_occurrence");
    // 09:00 Berlin was 08:00 UTC before the change: on 29 March that is no occurrence.
    expect((await client.request("DELETE", at("2027-03-29T08:00:00.000Z"))).json().reason).toBe(
      "calendar.not_an_occurrence",
    );
    const single = (await client.post(events, { ...weekly, rrule: null })).json();
    const onSingle = await client.request("PUT", `${events}/${single.id}/occurrences/${single.startsAt}`, {
      title: "X",
    });
    expect(onSingle.json().reason).toBe("calendar.not_an_occurrence");
    const fieldErrors = (res: { json(): { errors?: { field: string; code: string }[] } }) =>
      (res.json().errors ?? []).map((e) => `${e.field}:${e.code}`);
    expect(fieldErrors(await client.request("PUT", at(MAR_29), { rrule: "FREQ=DAILY" }))).toEqual([
      "rrule:series_only",
    ]);
    expect(fieldErrors(await client.request("PUT", at(MAR_29), { allDay: true }))).toEqual([
      "allDay:series_only",
    ]);
    // The series' own rule sent back as the form has it is no change.
    expect(
      (await client.request("PUT", at(MAR_29), { rrule: weekly.rrule, title: "Gleich" })).statusCode,
    ).toBe(200);
    expect(fieldErrors(await client.request("PUT", at(MAR_29), { end: "2027-03-29T08:00" }))).toEqual([
      "end:end_before_start",
    ]);
    expect(fieldErrors(await client.request("PUT", at("2027-03-29"), { title: "X" }))).toEqual([
      "originalStart:datetime_invalid",
    ]);
    expect(fieldErrors(await client.request("PUT", at(MAR_29, "all"), { title: "X" }))).toEqual([
      "scope:invalid_value",
    ]);
    await app.database.db.update(contract).set({ status: "ended" }).where(eq(contract.id, contractId));
    const ended = await client.request("PUT", at(MAR_29), { title: "Zu spät" });
    expect(ended.statusCode).toBe(409);
    expect(ended.json().reason).toBe("contract.ended");
  });
});

describe("changes that cross", () => {
  it("two splits sent at once never leave a date twice: the later one is refused or finds the date gone", async () => {
    const { client, assistant, events, at } = await series();
    const [a, b] = await Promise.all([
      client.request("PUT", at(MAR_29, "following"), { title: "Ab März" }),
      assistant.request("PUT", at(APR_05, "following"), { title: "Ab April" }),
    ]);
    const outcomes = [a, b].map((r) =>
      r.statusCode === 200 ? "done" : `${r.statusCode} ${r.json().reason}`,
    );
    expect(outcomes).toContain("done");
    for (const outcome of outcomes)
      expect(["done", "409 calendar.changed_meanwhile", "422 calendar.not_an_occurrence"]).toContain(outcome);
    const starts = (await listed(client, events)).occurrences.map((o) => o.startsAt);
    expect(starts).toHaveLength(5);
    expect(new Set(starts).size).toBe(5);
  });
});
