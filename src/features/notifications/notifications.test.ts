import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, TEST_ORIGIN } from "../../server/testing/app.ts";
import { Browser, lastMailTo, signedIn } from "../../server/testing/http.ts";
import { connect, cookieOf, listening } from "../../server/testing/sockets.ts";
import { jobInput } from "../jobs/testing.ts";

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

const bid = { rateMinor: 3000, coverLetter: "Gern.", answers: ["DATEV"], earliestStart: "2027-01-04" };

/** A client's open job and a way to have a new assistant bid on it (one notification each). */
async function jobWithBidders() {
  const client = await signedIn(app, ["client"]);
  const job = (await client.post("/api/v1/jobs", jobInput({ title: "Ablage digitalisieren" }))).json();
  await client.post(`/api/v1/jobs/${job.id}/transitions`, { action: "publish" });
  const bidOnce = async () => {
    const assistant = await signedIn(app, ["assistant"]);
    expect((await assistant.post(`/api/v1/jobs/${job.id}/bids`, bid)).statusCode).toBe(201);
  };
  return { client, bidOnce };
}

const mailsTo = async (email: string) =>
  (await app.database.db.query.mailOutbox.findMany({ where: (m, { eq }) => eq(m.to, email) })).length;

describe("live bell", () => {
  it("a new notification reaches the recipient's socket after commit, numbered for resuming", async () => {
    const { client, bidOnce } = await jobWithBidders();
    const socket = connect(await listening(app), { cookie: cookieOf(client), origin: TEST_ORIGIN });
    await socket.waitFor("ready");
    await bidOnce();
    const event = await socket.waitFor("notification.created");
    expect(Number(event.id)).toBeGreaterThan(0);
    socket.socket.close();
  });
});

describe("notification preferences", () => {
  it("lists every type with the default, and changes only the types sent", async () => {
    const user = await signedIn(app, ["client"]);
    const all = (await user.get("/api/v1/me/notification-preferences")).json();
    expect(all.length).toBeGreaterThan(5);
    expect(all.every((p: { channel: string }) => p.channel === "email")).toBe(true);
    const saved = await user.request("PUT", "/api/v1/me/notification-preferences", {
      preferences: [{ type: "bid.received", channel: "digest" }],
    });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().find((p: { type: string }) => p.type === "bid.received").channel).toBe("digest");
    expect(saved.json().find((p: { type: string }) => p.type === "offer.received").channel).toBe("email");
  });

  it("refuses unknown types and channels with field errors, and strangers", async () => {
    const user = await signedIn(app, ["client"]);
    const bad = await user.request("PUT", "/api/v1/me/notification-preferences", {
      preferences: [
        { type: "bid.received", channel: "pigeon" },
        { type: "nothing", channel: "email" },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(["preferences.0.channel", "preferences.1.type"]);
    expect((await new Browser(app).get("/api/v1/me/notification-preferences")).statusCode).toBe(401);
  });

  it("email: in-app and a mail at once; in_app: no mail; off: nothing at all", async () => {
    const { client, bidOnce } = await jobWithBidders();
    await bidOnce();
    expect((await client.get("/api/v1/notifications/unread-count")).json()).toEqual({ unread: 1 });
    expect(await mailsTo(client.email)).toBe(1);
    const set = (channel: string) =>
      client.request("PUT", "/api/v1/me/notification-preferences", {
        preferences: [{ type: "bid.received", channel }],
      });
    await set("in_app");
    await bidOnce();
    expect((await client.get("/api/v1/notifications/unread-count")).json()).toEqual({ unread: 2 });
    expect(await mailsTo(client.email)).toBe(1);
    await set("off");
    await bidOnce();
    expect((await client.get("/api/v1/notifications/unread-count")).json()).toEqual({ unread: 2 });
    expect(await mailsTo(client.email)).toBe(1);
  });

  it("digest: in-app at once, then one summary mail listing them, sent once", async () => {
    const { client, bidOnce } = await jobWithBidders();
    await client.request("PUT", "/api/v1/me/notification-preferences", {
      preferences: [{ type: "bid.received", channel: "digest" }],
    });
    await bidOnce();
    await bidOnce();
    expect((await client.get("/api/v1/notifications/unread-count")).json()).toEqual({ unread: 2 });
    expect(await mailsTo(client.email)).toBe(0);
    // The scheduled run picks users at their local digest hour; here every pending user.
    await app.services.notifications.sendDigests(null);
    const digest = await lastMailTo(app, client.email);
    expect(digest?.subject).toBe("Ihre Zusammenfassung: 2 Neuigkeiten");
    expect(digest?.text.match(/Ablage digitalisieren/g)).toHaveLength(2);
    await app.services.notifications.sendDigests(null);
    expect(await mailsTo(client.email)).toBe(1);
  });
});
