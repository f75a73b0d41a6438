import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../server/testing/app.ts";
import { Browser, lastMailTo, signedIn } from "../../server/testing/http.ts";
import { job as jobTable } from "../jobs/tables.ts";
import { jobInput } from "../jobs/testing.ts";

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const bidInput = (overrides = {}) => ({
  rateMinor: 3000,
  coverLetter: "Ich habe 12 Jahre Erfahrung als Büroleiterin.",
  answers: ["DATEV und Lexware"],
  earliestStart: "2027-01-04",
  ...overrides,
});

async function openJob(overrides = {}) {
  const client = await signedIn(app, ["client"]);
  const job = (await client.post("/api/v1/jobs", jobInput(overrides))).json();
  await client.post(`/api/v1/jobs/${job.id}/transitions`, { action: "publish" });
  return { client, job: job as { id: string } };
}

describe("bidding", () => {
  it("an assistant bids at most the maximum; the client is notified", async () => {
    const { client, job } = await openJob();
    const assistant = await signedIn(app, ["assistant"], "Anna Schmidt");
    const res = await assistant.post(`/api/v1/jobs/${job.id}/bids`, bidInput({ rateMinor: 3500 }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ status: "submitted", rateMinor: 3500, currency: "EUR" });
    expect((await client.get("/api/v1/notifications/unread-count")).json()).toEqual({ unread: 1 });
    const [n] = (await client.get("/api/v1/notifications")).json().items;
    expect(n).toMatchObject({ type: "bid.received", data: { jobId: job.id } });
    // And by e-mail, through the outbox, in the client's language (German by default).
    const mail = await lastMailTo(app, client.email);
    expect(mail?.subject).toBe("Neues Angebot für „Buchhaltung für ein kleines Architekturbüro“");
    expect(mail?.text).toContain(`/jobs/${job.id}`);
  });

  it("refuses a rate above the maximum with 422 naming the maximum, and writes nothing", async () => {
    const { job } = await openJob();
    const assistant = await signedIn(app, ["assistant"]);
    const res = await assistant.post(`/api/v1/jobs/${job.id}/bids`, bidInput({ rateMinor: 3501 }));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: "unprocessable", reason: "bid.rate_above_maximum" });
    expect(res.json().detail).toContain("35.00 EUR");
    expect(res.json().errors).toEqual([
      expect.objectContaining({ field: "rateMinor", code: "rate_above_maximum" }),
    ]);
    expect((await assistant.get("/api/v1/bids")).json().items).toEqual([]);
  });

  it("one active bid per assistant and job: a second is 409, after withdrawing a new one is fine", async () => {
    const { job } = await openJob();
    const assistant = await signedIn(app, ["assistant"]);
    const first = (await assistant.post(`/api/v1/jobs/${job.id}/bids`, bidInput())).json();
    const second = await assistant.post(`/api/v1/jobs/${job.id}/bids`, bidInput());
    expect(second.statusCode).toBe(409);
    expect(second.json()).toMatchObject({ reason: "bid.duplicate" });
    expect(
      (await assistant.post(`/api/v1/bids/${first.id}/transitions`, { action: "withdraw" })).json().status,
    ).toBe("withdrawn");
    expect((await assistant.post(`/api/v1/jobs/${job.id}/bids`, bidInput())).statusCode).toBe(201);
  });

  it("refuses bids on one's own job, on a closed job, after the deadline, and from non-assistants", async () => {
    const both = await signedIn(app, ["client", "assistant"]);
    const own = (await both.post("/api/v1/jobs", jobInput())).json();
    await both.post(`/api/v1/jobs/${own.id}/transitions`, { action: "publish" });
    expect((await both.post(`/api/v1/jobs/${own.id}/bids`, bidInput())).json()).toMatchObject({
      reason: "bid.own_job",
    });

    const { client, job } = await openJob();
    const assistant = await signedIn(app, ["assistant"]);
    await client.post(`/api/v1/jobs/${job.id}/transitions`, { action: "close" });
    expect((await assistant.post(`/api/v1/jobs/${job.id}/bids`, bidInput())).json()).toMatchObject({
      reason: "bid.job_not_open",
    });

    const late = await openJob();
    await app.database.db
      .update(jobTable)
      .set({ bidDeadline: new Date(Date.now() - 1000) })
      .where(eq(jobTable.id, late.job.id));
    const tooLate = await assistant.post(`/api/v1/jobs/${late.job.id}/bids`, bidInput());
    expect(tooLate.statusCode).toBe(409);
    expect(tooLate.json()).toMatchObject({ reason: "bid.deadline_passed" });

    const { job: another } = await openJob();
    const clientOnly = await signedIn(app, ["client"]);
    expect((await clientOnly.post(`/api/v1/jobs/${another.id}/bids`, bidInput())).json()).toMatchObject({
      reason: "role.assistant_required",
    });
    expect((await new Browser(app).post(`/api/v1/jobs/${another.id}/bids`, bidInput())).statusCode).toBe(401);
  });

  it("requires an answer to every screening question and keeps HTML as text", async () => {
    const { job } = await openJob();
    const assistant = await signedIn(app, ["assistant"]);
    const missing = await assistant.post(`/api/v1/jobs/${job.id}/bids`, bidInput({ answers: [] }));
    expect(missing.json().errors).toEqual([
      expect.objectContaining({ field: "answers", code: "answers_count" }),
    ]);
    const coverLetter = '<img src=x onerror="alert(1)"> Hallo';
    const ok = await assistant.post(`/api/v1/jobs/${job.id}/bids`, bidInput({ coverLetter }));
    expect(ok.json().coverLetter).toBe(coverLetter);
  });
});

describe("editing", () => {
  it("a partial edit changes only what is sent: job fields and bid answers stay", async () => {
    const { client, job } = await openJob({ languages: ["de", "en"], openings: 2 });
    const anna = await signedIn(app, ["assistant"]);
    const bid = (await anna.post(`/api/v1/jobs/${job.id}/bids`, bidInput())).json();
    const edited = await client.patch(`/api/v1/jobs/${job.id}`, { title: "Neuer Titel" });
    expect(edited.json()).toMatchObject({
      title: "Neuer Titel",
      screeningQuestions: ["Welche Buchhaltungssoftware nutzen Sie?"],
      languages: ["de", "en"],
      openings: 2,
    });
    const rate = await anna.patch(`/api/v1/bids/${bid.id}`, { rateMinor: 2900 });
    expect(rate.statusCode, rate.body).toBe(200);
    expect(rate.json()).toMatchObject({ rateMinor: 2900, answers: ["DATEV und Lexware"] });
    const mine = (await anna.get("/api/v1/bids")).json().items;
    expect(mine[0]).toMatchObject({ id: bid.id, jobTitle: "Neuer Titel" });
  });
});

describe("reviewing bids", () => {
  it("only the job's client sees its bids, sorted by rate; others get 403 or 404", async () => {
    const { client, job } = await openJob();
    const rates = [3200, 2500, 3400];
    const bids = [];
    for (const rateMinor of rates) {
      const a = await signedIn(app, ["assistant"]);
      bids.push({
        browser: a,
        bid: (await a.post(`/api/v1/jobs/${job.id}/bids`, bidInput({ rateMinor }))).json(),
      });
    }
    const sorted = (await client.get(`/api/v1/jobs/${job.id}/bids?sort=rate`)).json().items;
    expect(sorted.map((b: { rateMinor: number }) => b.rateMinor)).toEqual([2500, 3200, 3400]);
    const page = (await client.get(`/api/v1/jobs/${job.id}/bids?sort=rate&order=desc&limit=2`)).json();
    const rest = (
      await client.get(`/api/v1/jobs/${job.id}/bids?sort=rate&order=desc&limit=2&cursor=${page.nextCursor}`)
    ).json();
    expect([...page.items, ...rest.items].map((b: { rateMinor: number }) => b.rateMinor)).toEqual([
      3400, 3200, 2500,
    ]);

    const otherClient = await signedIn(app, ["client"]);
    expect((await otherClient.get(`/api/v1/jobs/${job.id}/bids`)).statusCode).toBe(403);
    expect((await bids[0]?.browser.get(`/api/v1/jobs/${job.id}/bids`))?.statusCode).toBe(403);
    expect((await new Browser(app).get(`/api/v1/jobs/${job.id}/bids`)).statusCode).toBe(401);
    // Another assistant cannot even learn that a bid exists.
    expect((await bids[1]?.browser.get(`/api/v1/bids/${bids[0]?.bid.id}`))?.statusCode).toBe(404);
    expect((await otherClient.get(`/api/v1/bids/${bids[0]?.bid.id}`)).statusCode).toBe(404);
  });

  it("sorts by experience and by working-hour overlap, which follows profile and job changes", async () => {
    const { client, job } = await openJob();
    const weekdays = (from: string, to: string) =>
      ["mon", "tue", "wed", "thu", "fri"].map((day) => ({ day, from, to }));
    const profile = (yearsExperience: number, timeZone: string, from = "09:00", to = "17:00") => ({
      headline: "Büroprofi",
      yearsExperience,
      timeZone,
      weeklyHours: weekdays(from, to),
    });
    const people = [
      { name: "Berlin", profile: profile(4, "Europe/Berlin") },
      { name: "New York", profile: profile(12, "America/New_York") },
      { name: "No profile", profile: null },
    ];
    const bidders = [];
    for (const p of people) {
      const a = await signedIn(app, ["assistant"], p.name);
      if (p.profile) await a.request("PUT", "/api/v1/me/assistant-profile", p.profile);
      bidders.push({
        browser: a,
        bidId: (await a.post(`/api/v1/jobs/${job.id}/bids`, bidInput())).json().id,
      });
    }
    type Item = { assistantName: string; overlapMinutes: number | null; yearsExperience: number | null };
    const list = async (query: string) => {
      const all: Item[] = [];
      let cursor = "";
      // One bid per page: the keyset cursor must carry the numeric sort keys across pages.
      do {
        const page = (await client.get(`/api/v1/jobs/${job.id}/bids?${query}&limit=1${cursor}`)).json();
        all.push(...page.items);
        cursor = page.nextCursor ? `&cursor=${page.nextCursor}` : "";
      } while (cursor);
      return all;
    };
    const names = (items: Item[]) => items.map((b) => b.assistantName);
    const byExperience = await list("sort=experience&order=desc");
    expect(names(byExperience)).toEqual(["New York", "Berlin", "No profile"]);
    expect(byExperience.map((b) => b.yearsExperience)).toEqual([12, 4, null]);
    // The job wants Berlin 09–17 in the week of 4 January 2027: New York overlaps 15–17.
    const byOverlap = await list("sort=overlap&order=desc");
    expect(names(byOverlap)).toEqual(["Berlin", "New York", "No profile"]);
    expect(byOverlap.map((b) => b.overlapMinutes)).toEqual([480, 120, null]);
    expect(names(await list("sort=overlap&order=asc"))).toEqual(["No profile", "New York", "Berlin"]);

    // New hours show in the live bids at once; so does a new window on the job.
    const ny = bidders[1] as (typeof bidders)[number];
    await ny.browser.request(
      "PUT",
      "/api/v1/me/assistant-profile",
      profile(12, "America/New_York", "03:00", "11:00"),
    );
    expect((await client.get(`/api/v1/bids/${ny.bidId}`)).json().overlapMinutes).toBe(480);
    await client.patch(`/api/v1/jobs/${job.id}`, {
      overlap: { hours: 2, timeZone: "Europe/Berlin", from: "16:00", to: "18:00" },
    });
    // Both now overlap 16–17 Berlin time; ties keep a stable order by id.
    const after = await list("sort=overlap&order=desc");
    expect(after.map((b) => b.overlapMinutes)).toEqual([60, 60, null]);
    expect(after.at(-1)?.assistantName).toBe("No profile");

    // New years of experience show and sort at once too, and so does a first profile.
    const berlin = bidders[0] as (typeof bidders)[number];
    await berlin.browser.request("PUT", "/api/v1/me/assistant-profile", profile(20, "Europe/Berlin"));
    const late = bidders[2] as (typeof bidders)[number];
    await late.browser.request("PUT", "/api/v1/me/assistant-profile", profile(1, "Europe/Berlin"));
    const moved = await list("sort=experience&order=desc");
    expect(names(moved)).toEqual(["Berlin", "New York", "No profile"]);
    expect(moved.map((b) => b.yearsExperience)).toEqual([20, 12, 1]);
  });

  it("the client shortlists and rejects with a message; the assistant is notified and can no longer edit", async () => {
    const { client, job } = await openJob();
    const anna = await signedIn(app, ["assistant"]);
    const bid = (await anna.post(`/api/v1/jobs/${job.id}/bids`, bidInput())).json();
    expect((await anna.post(`/api/v1/bids/${bid.id}/transitions`, { action: "shortlist" })).statusCode).toBe(
      403,
    );
    expect(
      (await client.post(`/api/v1/bids/${bid.id}/transitions`, { action: "shortlist" })).json().status,
    ).toBe("shortlisted");
    const edit = await anna.patch(`/api/v1/bids/${bid.id}`, { rateMinor: 2000 });
    expect(edit.statusCode).toBe(409);
    expect(edit.json()).toMatchObject({ reason: "bid.not_editable" });
    const rejected = await client.post(`/api/v1/bids/${bid.id}/transitions`, {
      action: "reject",
      message: "Leider passt es zeitlich nicht.",
    });
    expect(rejected.json()).toMatchObject({
      status: "rejected",
      rejectionMessage: "Leider passt es zeitlich nicht.",
    });
    const types = (await anna.get("/api/v1/notifications")).json().items.map((n: { type: string }) => n.type);
    expect(types).toEqual(["bid.rejected", "bid.shortlisted"]);
    expect((await anna.post("/api/v1/notifications/read", { all: true })).json()).toEqual({ unread: 0 });
  });

  it("changing an open job's terms notifies its bidders", async () => {
    const { client, job } = await openJob();
    const anna = await signedIn(app, ["assistant"]);
    await anna.post(`/api/v1/jobs/${job.id}/bids`, bidInput());
    expect((await client.patch(`/api/v1/jobs/${job.id}`, { maxRateMinor: 4000 })).statusCode).toBe(200);
    const [n] = (await anna.get("/api/v1/notifications")).json().items;
    expect(n).toMatchObject({ type: "job.terms_changed", data: { jobId: job.id } });
  });
});
