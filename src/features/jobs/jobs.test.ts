import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../server/testing/app.ts";
import { Browser, signedIn } from "../../server/testing/http.ts";
import { jobInput } from "./testing.ts";

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

async function postJob(client: Browser, overrides = {}, publish = true) {
  const res = await client.post("/api/v1/jobs", jobInput(overrides));
  expect(res.statusCode, res.body).toBe(201);
  const job = res.json();
  if (publish)
    expect((await client.post(`/api/v1/jobs/${job.id}/transitions`, { action: "publish" })).statusCode).toBe(
      200,
    );
  return job as { id: string; status: string };
}

describe("posting jobs", () => {
  it("a client posts a draft that only they can see, then publishes it", async () => {
    const client = await signedIn(app, ["client"]);
    const job = await postJob(client, {}, false);
    expect(job.status).toBe("draft");
    const other = await signedIn(app, ["client"]);
    const assistant = await signedIn(app, ["assistant"]);
    for (const viewer of [other, assistant, new Browser(app)]) {
      expect((await viewer.get(`/api/v1/jobs/${job.id}`)).statusCode).toBe(404);
    }
    const published = await client.post(`/api/v1/jobs/${job.id}/transitions`, { action: "publish" });
    expect(published.json()).toMatchObject({ status: "open" });
    expect((await new Browser(app).get(`/api/v1/jobs/${job.id}`)).json()).toMatchObject({
      id: job.id,
      maxRateMinor: 3500,
    });
  });

  it("only clients post jobs; anonymous callers must sign in", async () => {
    const assistant = await signedIn(app, ["assistant"]);
    const res = await assistant.post("/api/v1/jobs", jobInput());
    expect(res.statusCode).toBe(403);
    expect(res.json()).toMatchObject({ reason: "role.client_required" });
    expect((await new Browser(app).post("/api/v1/jobs", jobInput())).statusCode).toBe(401);
  });

  it("refuses bad input with field errors and writes nothing", async () => {
    const client = await signedIn(app, ["client"]);
    const res = await client.post("/api/v1/jobs", {
      ...jobInput(),
      maxRateMinor: 12.5,
      categories: ["astrology"],
      screeningQuestions: ["1", "2", "3", "4", "5", "6"],
      bidDeadline: "2020-01-01T00:00:00Z",
    });
    expect(res.statusCode).toBe(400);
    const fields = res.json().errors.map((e: { field: string }) => e.field);
    expect(fields).toEqual(expect.arrayContaining(["maxRateMinor", "categories.0", "screeningQuestions"]));
    const past = await client.post("/api/v1/jobs", jobInput({ bidDeadline: "2020-01-01T00:00:00Z" }));
    expect(past.json().errors).toEqual([
      expect.objectContaining({ field: "bidDeadline", code: "deadline_past" }),
    ]);
    expect((await client.get("/api/v1/jobs")).json().items).toEqual([]);
  });

  it("keeps HTML in text fields as text", async () => {
    const client = await signedIn(app, ["client"]);
    const title = '<script>alert("x")</script> Ablage';
    const job = await postJob(client, { title });
    expect((await client.get(`/api/v1/jobs/${job.id}`)).json().title).toBe(title);
  });

  it("follows the transition table; an illegal move is 409 with a stable reason", async () => {
    const client = await signedIn(app, ["client"]);
    const job = await postJob(client);
    const act = (action: string) => client.post(`/api/v1/jobs/${job.id}/transitions`, { action });
    expect((await act("pause")).json().status).toBe("paused");
    expect((await act("resume")).json().status).toBe("open");
    expect((await act("close")).json().status).toBe("closed");
    const illegal = await act("resume");
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json()).toMatchObject({ code: "conflict", reason: "job.illegal_transition" });
  });

  it("only the job's client may change it: 403 for others who see it, 404 where it is private", async () => {
    const client = await signedIn(app, ["client"]);
    const open = await postJob(client);
    const draft = await postJob(client, {}, false);
    const other = await signedIn(app, ["client"]);
    expect((await other.patch(`/api/v1/jobs/${open.id}`, { title: "Mine now" })).statusCode).toBe(403);
    expect((await other.post(`/api/v1/jobs/${open.id}/transitions`, { action: "close" })).statusCode).toBe(
      403,
    );
    expect((await other.patch(`/api/v1/jobs/${draft.id}`, { title: "Mine now" })).statusCode).toBe(404);
    expect((await client.get(`/api/v1/jobs/${open.id}`)).json().title).not.toBe("Mine now");
  });

  it("invite-only jobs are hidden from everyone but the client and invited assistants", async () => {
    const client = await signedIn(app, ["client"]);
    const job = await postJob(client, { visibility: "invite_only" });
    const assistant = await signedIn(app, ["assistant"]);
    expect((await assistant.get(`/api/v1/jobs/${job.id}`)).statusCode).toBe(404);
    expect((await new Browser(app).get(`/api/v1/jobs/${job.id}`)).statusCode).toBe(404);
    const board = (await assistant.get("/api/v1/job-board?limit=100"))
      .json()
      .items.map((j: { id: string }) => j.id);
    expect(board).not.toContain(job.id);
    // The uninvited assistant cannot even invite themselves (the job is 404 to them); once the
    // client invites them, that assistant (and only that one) sees it.
    expect(
      (await assistant.post(`/api/v1/jobs/${job.id}/invitations`, { assistantId: assistant.userId }))
        .statusCode,
    ).toBe(404);
    expect(
      (await client.post(`/api/v1/jobs/${job.id}/invitations`, { assistantId: assistant.userId })).statusCode,
    ).toBe(204);
    expect((await assistant.get(`/api/v1/jobs/${job.id}`)).statusCode).toBe(200);
    const other = await signedIn(app, ["assistant"]);
    expect((await other.get(`/api/v1/jobs/${job.id}`)).statusCode).toBe(404);
    const notAssistant = await signedIn(app, ["client"]);
    const refused = await client.post(`/api/v1/jobs/${job.id}/invitations`, {
      assistantId: notAssistant.userId,
    });
    expect(refused.json()).toMatchObject({ reason: "job.invitee_not_assistant" });
  });

  it("the job board lists open public jobs newest first, filtered, with cursor pages", async () => {
    const client = await signedIn(app, ["client"]);
    const a = await postJob(client, {
      categories: ["travel_planning"],
      pricingModel: "per_task",
      maxRateMinor: 9000,
    });
    const b = await postJob(client, {
      categories: ["travel_planning"],
      pricingModel: "per_task",
      maxRateMinor: 4000,
    });
    const c = await postJob(client, {
      categories: ["travel_planning"],
      pricingModel: "hourly",
      maxRateMinor: 9900,
    });
    const anonymous = new Browser(app);
    const q = "/api/v1/job-board?category=travel_planning&pricingModel=per_task";
    expect((await anonymous.get(q)).json().items.map((j: { id: string }) => j.id)).toEqual([b.id, a.id]);
    expect(
      (await anonymous.get(`${q}&minRateMinor=5000`)).json().items.map((j: { id: string }) => j.id),
    ).toEqual([a.id]);
    const first = (await anonymous.get("/api/v1/job-board?category=travel_planning&limit=2")).json();
    expect(first.items.map((j: { id: string }) => j.id)).toEqual([c.id, b.id]);
    const second = (
      await anonymous.get(`/api/v1/job-board?category=travel_planning&limit=2&cursor=${first.nextCursor}`)
    ).json();
    expect(second.items.map((j: { id: string }) => j.id)).toEqual([a.id]);
    expect(second.nextCursor).toBeNull();
    // An empty cursor is the first page (a form that sends every field, filled or not).
    const blank = await anonymous.get("/api/v1/job-board?category=travel_planning&limit=2&cursor=");
    expect(blank.statusCode).toBe(200);
    expect(blank.json().items.map((j: { id: string }) => j.id)).toEqual([c.id, b.id]);

    // A rate in pounds does not compare with one in euros: the filter takes the currency too.
    const pounds = await postJob(client, {
      categories: ["travel_planning"],
      pricingModel: "per_task",
      maxRateMinor: 8000,
      currency: "GBP",
    });
    const ids = async (query: string) =>
      (await anonymous.get(`${q}&${query}`)).json().items.map((j: { id: string }) => j.id);
    expect(await ids("minRateMinor=5000")).toEqual([a.id]);
    expect(await ids("minRateMinor=5000&currency=GBP")).toEqual([pounds.id]);
    expect((await anonymous.get(`${q}&minRateMinor=5000&currency=XYZ`)).statusCode).toBe(400);
  });
});
