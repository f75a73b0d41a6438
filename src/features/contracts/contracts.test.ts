import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../server/testing/app.ts";
import { signedIn } from "../../server/testing/http.ts";
import { jobInput } from "../jobs/testing.ts";

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const offerInput = (overrides = {}) => ({
  pricingModel: "hourly",
  rateMinor: 3000,
  weeklyHourCap: 10,
  startDate: "2027-01-11",
  message: "Wir freuen uns auf die Zusammenarbeit!",
  ...overrides,
});

async function jobWithBids(n: number, jobOverrides = {}) {
  const client = await signedIn(app, ["client"]);
  const job = (await client.post("/api/v1/jobs", jobInput(jobOverrides))).json();
  await client.post(`/api/v1/jobs/${job.id}/transitions`, { action: "publish" });
  const bidders = [];
  for (let i = 0; i < n; i++) {
    const assistant = await signedIn(app, ["assistant"]);
    const bid = (
      await assistant.post(`/api/v1/jobs/${job.id}/bids`, {
        rateMinor: 3000,
        coverLetter: "Gern!",
        answers: ["Lexware"],
        earliestStart: "2027-01-04",
      })
    ).json();
    bidders.push({ assistant, bid });
  }
  return { client, job, bidders };
}

describe("offer and hire", () => {
  it("the assistant accepts: an active contract for both, the job filled, other bidders told", async () => {
    const { client, job, bidders } = await jobWithBids(2);
    const [hiredOne, other] = bidders as [(typeof bidders)[0], (typeof bidders)[0]];
    const offer = await client.post(`/api/v1/bids/${hiredOne.bid.id}/offers`, offerInput());
    expect(offer.statusCode, offer.body).toBe(201);
    const accepted = await hiredOne.assistant.post(`/api/v1/offers/${offer.json().id}/response`, {
      decision: "accept",
    });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json().contract).toMatchObject({
      status: "active",
      rateMinor: 3000,
      weeklyHourCap: 10,
      jobId: job.id,
    });
    for (const party of [client, hiredOne.assistant]) {
      const items = (await party.get("/api/v1/contracts")).json().items;
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        clientName: "Test User",
        assistantName: "Test User",
        jobTitle: expect.any(String),
        // No profile photo uploaded: the page shows initials.
        assistantPhotoUrl: null,
      });
    }
    expect((await other.assistant.get("/api/v1/contracts")).json().items).toEqual([]);
    expect((await client.get(`/api/v1/jobs/${job.id}`)).json().status).toBe("filled");
    expect((await hiredOne.assistant.get(`/api/v1/bids/${hiredOne.bid.id}`)).json().status).toBe("hired");
    const types = (await other.assistant.get("/api/v1/notifications"))
      .json()
      .items.map((n: { type: string }) => n.type);
    expect(types).toContain("job.filled");
    expect((await client.get("/api/v1/notifications")).json().items[0].type).toBe("offer.accepted");
  });

  it("an offer above the maximum needs the client's explicit raise", async () => {
    const { client, bidders } = await jobWithBids(1);
    const bidId = bidders[0]?.bid.id;
    const refused = await client.post(`/api/v1/bids/${bidId}/offers`, offerInput({ rateMinor: 3600 }));
    expect(refused.statusCode).toBe(422);
    expect(refused.json()).toMatchObject({ reason: "offer.rate_above_maximum" });
    expect(
      (
        await client.post(
          `/api/v1/bids/${bidId}/offers`,
          offerInput({ rateMinor: 3600, exceedMaximum: true }),
        )
      ).statusCode,
    ).toBe(201);
  });

  it("hourly offers need a weekly hour cap", async () => {
    const { client, bidders } = await jobWithBids(1);
    const res = await client.post(
      `/api/v1/bids/${bidders[0]?.bid.id}/offers`,
      offerInput({ weeklyHourCap: null }),
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: "weeklyHourCap", code: "required" }),
    ]);
  });

  it("only the parties act: the assistant cannot offer, the client cannot accept, strangers see nothing", async () => {
    const { client, bidders } = await jobWithBids(1);
    const { assistant, bid } = bidders[0] as (typeof bidders)[0];
    expect((await assistant.post(`/api/v1/bids/${bid.id}/offers`, offerInput())).statusCode).toBe(403);
    const offer = (await client.post(`/api/v1/bids/${bid.id}/offers`, offerInput())).json();
    expect(
      (await client.post(`/api/v1/offers/${offer.id}/response`, { decision: "accept" })).statusCode,
    ).toBe(403);
    const stranger = await signedIn(app, ["assistant", "client"]);
    expect(
      (await stranger.post(`/api/v1/offers/${offer.id}/response`, { decision: "accept" })).statusCode,
    ).toBe(404);
    expect((await stranger.get(`/api/v1/offers/${offer.id}`)).statusCode).toBe(404);
    expect((await stranger.post(`/api/v1/bids/${bid.id}/offers`, offerInput())).statusCode).toBe(404);
  });

  it("the offer names its sender: the client's name, then their company once their profile has one", async () => {
    const { client, bidders } = await jobWithBids(1);
    const { assistant, bid } = bidders[0] as (typeof bidders)[0];
    const offer = (await client.post(`/api/v1/bids/${bid.id}/offers`, offerInput())).json();
    const sender = async () => (await assistant.get(`/api/v1/offers/${offer.id}`)).json().sender;
    expect(await sender()).toEqual({
      userId: client.userId,
      name: "Test User",
      company: null,
      profileUserId: null,
    });
    const saved = await client.request("PUT", "/api/v1/me/client-profile", {
      displayName: "Berger Architekten GmbH",
      country: "DE",
      timeZone: "Europe/Berlin",
      billingAddress: { line1: "Hauptstraße 1", line2: "", postalCode: "10115", city: "Berlin" },
      vatId: null,
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(await sender()).toMatchObject({ name: "Test User", company: "Berger Architekten GmbH" });
    // The client sees the same page.
    expect((await client.get(`/api/v1/offers/${offer.id}`)).json().sender.userId).toBe(client.userId);
  });

  it("declining tells the client and leaves no contract", async () => {
    const { client, bidders } = await jobWithBids(1);
    const { assistant, bid } = bidders[0] as (typeof bidders)[0];
    const offer = (await client.post(`/api/v1/bids/${bid.id}/offers`, offerInput())).json();
    const declined = await assistant.post(`/api/v1/offers/${offer.id}/response`, { decision: "decline" });
    expect(declined.json().offer.status).toBe("declined");
    expect((await client.get("/api/v1/notifications")).json().items[0].type).toBe("offer.declined");
    const again = await assistant.post(`/api/v1/offers/${offer.id}/response`, { decision: "accept" });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ reason: "offer.not_pending" });
    expect((await client.get("/api/v1/contracts")).json().items).toEqual([]);
  });

  it("two offers on a single-hire job accepted at the same moment give exactly one contract", async () => {
    const { client, job, bidders } = await jobWithBids(2);
    const offers: { id: string }[] = [];
    for (const b of bidders)
      offers.push((await client.post(`/api/v1/bids/${b.bid.id}/offers`, offerInput())).json());
    const answers = await Promise.all(
      bidders.map((b, i) =>
        b.assistant.post(`/api/v1/offers/${offers[i]?.id}/response`, { decision: "accept" }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409]);
    expect((await client.get("/api/v1/contracts")).json().items).toHaveLength(1);
    expect((await client.get(`/api/v1/jobs/${job.id}`)).json().status).toBe("filled");
  });

  it("filling the job lapses the other pending offer: its bid returns to the shortlist", async () => {
    const { client, bidders } = await jobWithBids(2);
    const [hiredOne, other] = bidders as [(typeof bidders)[0], (typeof bidders)[0]];
    const first = (await client.post(`/api/v1/bids/${hiredOne.bid.id}/offers`, offerInput())).json();
    const second = (await client.post(`/api/v1/bids/${other.bid.id}/offers`, offerInput())).json();
    expect((await other.assistant.get(`/api/v1/bids/${other.bid.id}`)).json().status).toBe("offered");
    await hiredOne.assistant.post(`/api/v1/offers/${first.id}/response`, { decision: "accept" });
    expect((await client.get(`/api/v1/offers/${second.id}`)).json().status).toBe("withdrawn");
    expect((await other.assistant.get(`/api/v1/bids/${other.bid.id}`)).json().status).toBe("shortlisted");
    const late = await other.assistant.post(`/api/v1/offers/${second.id}/response`, { decision: "accept" });
    expect(late.statusCode).toBe(409);
  });

  it("an offer on a bid the client can no longer offer on is refused by the bid's machine", async () => {
    const { client, bidders } = await jobWithBids(1);
    const { bid } = bidders[0] as (typeof bidders)[0];
    expect((await client.post(`/api/v1/bids/${bid.id}/offers`, offerInput())).statusCode).toBe(201);
    const twice = await client.post(`/api/v1/bids/${bid.id}/offers`, offerInput());
    expect(twice.statusCode).toBe(409);
    expect(twice.json()).toMatchObject({ reason: "bid.illegal_transition" });
  });

  it("a job with two openings stays open after the first hire", async () => {
    const { client, job, bidders } = await jobWithBids(2, { openings: 2 });
    const first = bidders[0] as (typeof bidders)[0];
    const offer = (await client.post(`/api/v1/bids/${first.bid.id}/offers`, offerInput())).json();
    await first.assistant.post(`/api/v1/offers/${offer.id}/response`, { decision: "accept" });
    expect((await client.get(`/api/v1/jobs/${job.id}`)).json().status).toBe("open");
  });
});
