import ICAL from "ical.js";
import nodeIcal from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../server/testing/app.ts";
import { signedIn } from "../../server/testing/http.ts";
import { weeklyInBerlin } from "../calendar/testing.ts";
import { setTestAvailability, weekdayAt } from "../interviews/testing.ts";
import { bidThread, hiredContract } from "../messaging/testing.ts";

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

async function confirmedInterview() {
  const p = await bidThread(app, { jobTitle: "Praxis-Terminplanung" });
  await setTestAvailability(p.client, p.assistant);
  const start = weekdayAt(10).toISOString();
  const { id } = (
    await p.client.post(`/api/v1/bids/${p.bid.id}/interviews`, { durationMinutes: 30, proposals: [start] })
  ).json();
  await p.assistant.post(`/api/v1/interviews/${id}/confirm`, { start });
  return { ...p, interviewId: id as string, start };
}

/** Fetches a feed as a calendar app does: no cookie, just the URL. */
const fetchFeed = (url: string) => app.inject({ method: "GET", url: new URL(url).pathname });

describe("calendar feeds", () => {
  it("a user's feed holds their interviews, parses in two parsers, and stops at revocation", async () => {
    const { client, interviewId, start } = await confirmedInterview();
    const other = await confirmedInterview();
    const created = await client.post("/api/v1/me/calendar-feeds", {});
    expect(created.statusCode).toBe(201);
    const link = created.json();
    expect(link.webcalUrl).toMatch(/^webcal:\/\/.+\/api\/calendar\/[\w-]{40,}\.ics$/);
    const res = await fetchFeed(link.url);
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/calendar");
    const cal = new ICAL.Component(ICAL.parse(res.body));
    const uids = cal.getAllSubcomponents("vevent").map((e) => e.getFirstPropertyValue("uid"));
    expect(uids).toEqual([`interview-${interviewId}@assista`]);
    expect(uids).not.toContain(`interview-${other.interviewId}@assista`);
    const parsed = Object.values(await nodeIcal.async.parseICS(res.body)).filter((c) => c?.type === "VEVENT");
    expect(parsed).toHaveLength(1);
    expect((parsed[0] as { start: Date }).start.toISOString()).toBe(start);
    // Revoked: gone for calendar apps; unknown tokens look the same.
    expect((await client.request("DELETE", `/api/v1/me/calendar-feeds/${link.id}`)).statusCode).toBe(204);
    expect((await fetchFeed(link.url)).statusCode).toBe(404);
    expect((await app.inject({ method: "GET", url: `/api/calendar/${"x".repeat(43)}.ics` })).statusCode).toBe(
      404,
    );
  });

  it("a contract's feed holds the interviews of its bid; a user's feed holds their contracts' events", async () => {
    const { client, assistant, bid, interviewId } = await confirmedInterview();
    const offer = (
      await client.post(`/api/v1/bids/${bid.id}/offers`, {
        pricingModel: "hourly",
        rateMinor: 3000,
        weeklyHourCap: 10,
        startDate: "2027-01-11",
      })
    ).json();
    const accepted = await assistant.post(`/api/v1/offers/${offer.id}/response`, { decision: "accept" });
    const contractId = accepted.json().contract.id as string;
    const event = (await assistant.post(`/api/v1/contracts/${contractId}/events`, weeklyInBerlin)).json();
    const unrelated = await hiredContract(app);
    const uidsOf = async (body: Record<string, string>, as = client) => {
      const link = (await as.post("/api/v1/me/calendar-feeds", body)).json();
      const cal = new ICAL.Component(ICAL.parse((await fetchFeed(link.url)).body));
      return cal.getAllSubcomponents("vevent").map((e) => String(e.getFirstPropertyValue("uid")));
    };
    const both = [`interview-${interviewId}@assista`, `contract-event-${event.id}@assista`];
    expect((await uidsOf({ contractId })).sort()).toEqual([...both].sort());
    expect((await uidsOf({})).sort()).toEqual([...both].sort());
    expect(await uidsOf({ contractId: unrelated.contractId }, unrelated.client)).toEqual([]);
  });

  it("a contract feed is only for the contract's parties; someone else's link cannot be revoked", async () => {
    const stranger = await signedIn(app, ["client"]);
    const { client } = await confirmedInterview();
    const link = (await client.post("/api/v1/me/calendar-feeds", {})).json();
    expect((await stranger.request("DELETE", `/api/v1/me/calendar-feeds/${link.id}`)).statusCode).toBe(404);
    expect(
      (await stranger.post("/api/v1/me/calendar-feeds", { contractId: crypto.randomUUID() })).statusCode,
    ).toBe(404);
    expect((await fetchFeed(link.url)).statusCode).toBe(200);
  });

  it("a contract's feed holds its calendar, a weekly series keeping 09:00 Berlin across the DST change", async () => {
    const { client, assistant, contractId } = await hiredContract(app);
    const created = await assistant.post(`/api/v1/contracts/${contractId}/events`, weeklyInBerlin);
    expect(created.statusCode, created.body).toBe(201);
    const link = (await client.post("/api/v1/me/calendar-feeds", { contractId })).json();
    expect(link.contractId).toBe(contractId);
    const res = await fetchFeed(link.url);
    expect(res.statusCode).toBe(200);
    const cal = new ICAL.Component(ICAL.parse(res.body));
    expect(cal.getFirstSubcomponent("vtimezone")?.getFirstPropertyValue("tzid")).toBe("Europe/Berlin");
    const event = new ICAL.Event(
      cal
        .getAllSubcomponents("vevent")
        .find((e) => String(e.getFirstPropertyValue("summary")) === "Wochenbesprechung"),
    );
    const iterator = event.iterator();
    const starts: string[] = [];
    for (let next = iterator.next(); next && starts.length < 5; next = iterator.next())
      starts.push(next.toJSDate().toISOString());
    // 08:00 UTC before the change on 28 March, 07:00 UTC after it: always 09:00 in Berlin.
    expect(starts).toEqual([
      "2027-03-15T08:00:00.000Z",
      "2027-03-22T08:00:00.000Z",
      "2027-03-29T07:00:00.000Z",
      "2027-04-05T07:00:00.000Z",
      "2027-04-12T07:00:00.000Z",
    ]);
    const parsed = Object.values(await nodeIcal.async.parseICS(res.body)).filter((c) => c?.type === "VEVENT");
    expect(parsed).toHaveLength(1);
  });

  it("a contract's feed carries a moved occurrence as a RECURRENCE-ID in the series' zone and a deleted one as EXDATE", async () => {
    const { client, assistant, contractId } = await hiredContract(app);
    const events = `/api/v1/contracts/${contractId}/events`;
    const series = (await assistant.post(events, weeklyInBerlin)).json();
    const occurrence = (original: string) =>
      `${events}/${series.id}/occurrences/${encodeURIComponent(original)}`;
    // The first summer Monday moves to Tuesday 11:00; the Monday after is deleted.
    const moved = await client.request("PUT", occurrence("2027-03-29T07:00:00.000Z"), {
      start: "2027-03-30T11:00",
      end: "2027-03-30T12:00",
      title: "Wochenbesprechung (Dienstag)",
    });
    expect(moved.statusCode, moved.body).toBe(200);
    expect((await client.request("DELETE", occurrence("2027-04-05T07:00:00.000Z"))).statusCode).toBe(204);

    const link = (await client.post("/api/v1/me/calendar-feeds", { contractId })).json();
    const res = await fetchFeed(link.url);
    expect(res.body).toContain("RECURRENCE-ID;TZID=Europe/Berlin:20270329T090000");
    expect(res.body).toContain("EXDATE;TZID=Europe/Berlin:20270405T090000");
    const vevents = new ICAL.Component(ICAL.parse(res.body)).getAllSubcomponents("vevent");
    expect(vevents.map((v) => v.getFirstPropertyValue("uid"))).toEqual([
      `contract-event-${series.id}@assista`,
      `contract-event-${series.id}@assista`,
    ]);
    const master = vevents.find((v) => !v.hasProperty("recurrence-id"));
    const exception = vevents.find((v) => v.hasProperty("recurrence-id"));
    if (!master || !exception) throw new Error("series or changed occurrence missing");
    const event = new ICAL.Event(master);
    event.relateException(exception);
    const iterator = event.iterator();
    const seen: [string, string][] = [];
    for (let next = iterator.next(); next && seen.length < 10; next = iterator.next()) {
      const details = event.getOccurrenceDetails(next);
      seen.push([details.startDate.toJSDate().toISOString(), String(details.item.summary)]);
    }
    // 09:00 Berlin on each Monday left (08:00 UTC in winter, 07:00 in summer), the moved one at
    // 11:00 CEST on Tuesday with its own title, and 5 April gone.
    expect(seen).toEqual([
      ["2027-03-15T08:00:00.000Z", "Wochenbesprechung"],
      ["2027-03-22T08:00:00.000Z", "Wochenbesprechung"],
      ["2027-03-30T09:00:00.000Z", "Wochenbesprechung (Dienstag)"],
      ["2027-04-12T07:00:00.000Z", "Wochenbesprechung"],
    ]);
    // node-ical, the second parser, files the changed occurrence under its series.
    const parsed = Object.values(await nodeIcal.async.parseICS(res.body)).filter((c) => c?.type === "VEVENT");
    expect(parsed).toHaveLength(1);
    const recurrences = (parsed[0] as { recurrences?: Record<string, { start: Date }> }).recurrences ?? {};
    // (It keeps each under more than one key, by date and by instant.)
    expect(new Set(Object.values(recurrences).map((r) => r.start.toISOString()))).toEqual(
      new Set(["2027-03-30T09:00:00.000Z"]),
    );
  });
});
