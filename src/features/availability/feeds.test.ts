import ICAL from "ical.js";
import nodeIcal from "node-ical";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../server/testing/app.ts";
import { signedIn } from "../../server/testing/http.ts";
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
    const created = await assistant.post(`/api/v1/contracts/${contractId}/events`, {
      title: "Wochenbesprechung",
      start: "2027-03-15T09:00",
      end: "2027-03-15T09:30",
      timeZone: "Europe/Berlin",
      rrule: "FREQ=WEEKLY;UNTIL=20270412",
    });
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
});
