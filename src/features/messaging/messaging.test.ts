import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { asc, inArray, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEventLog, type Delivery } from "../../server/realtime/event-log.ts";
import { realtimeEvent } from "../../server/realtime/tables.ts";
import { localStorage } from "../../server/storage/local.ts";
import { createTestApp } from "../../server/testing/app.ts";
import { Browser, signedIn } from "../../server/testing/http.ts";
import { PDF, png, sendUpload, type TestFile } from "../../server/testing/upload.ts";
import { jobInput } from "../jobs/testing.ts";
import { createMessagingService } from "./service.ts";
import { hiredContract } from "./testing.ts";

// The messaging clock runs ahead of the wall clock by `offset`: tests move it instead of sleeping.
let offset = 0;
const FLOOD = { max: 8, windowMs: 60_000 };
let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp({}, { messaging: { now: () => new Date(Date.now() + offset), flood: FLOOD } });
});
afterAll(() => app.close());

type User = Awaited<ReturnType<typeof signedIn>>;

async function bidPair(client?: User) {
  const owner = client ?? (await signedIn(app, ["client"], "Clara Client"));
  // These tests count message events; the bid's own notification would take a number first.
  await owner.request("PUT", "/api/v1/me/notification-preferences", {
    preferences: [{ type: "bid.received", channel: "off" }],
  });
  const job = (await owner.post("/api/v1/jobs", jobInput())).json();
  await owner.post(`/api/v1/jobs/${job.id}/transitions`, { action: "publish" });
  const assistant = await signedIn(app, ["assistant"], "Anna Assistent");
  const bid = (
    await assistant.post(`/api/v1/jobs/${job.id}/bids`, {
      rateMinor: 3000,
      coverLetter: "Gern übernehme ich Ihre Buchhaltung.",
      answers: ["DATEV"],
      earliestStart: "2027-01-04",
    })
  ).json();
  return { client: owner, assistant, job, bid };
}

async function bidThread(client?: User) {
  const pair = await bidPair(client);
  const thread = (await pair.assistant.post(`/api/v1/bids/${pair.bid.id}/thread`)).json();
  return { ...pair, thread };
}

async function contractPair() {
  const { contractId, ...pair } = await hiredContract(app);
  return { ...pair, contract: { id: contractId } };
}

const send = (user: Browser, threadId: string, body: string, confirmContact?: boolean) =>
  user.post(`/api/v1/threads/${threadId}/messages`, { body, ...(confirmContact ? { confirmContact } : {}) });

const del = (user: Browser, url: string) => user.request("DELETE", url);

function upload(user: Browser, threadId: string, file?: TestFile, fields: Record<string, string> = {}) {
  return sendUpload(app, user, {
    method: "POST",
    url: `/api/v1/threads/${threadId}/attachments`,
    fields,
    ...(file ? { file } : {}),
  });
}

describe("opening threads", () => {
  it("either party opens a bid's thread; opening again returns the same; outsiders get 404", async () => {
    const { client, assistant, bid, job } = await bidPair();
    const first = await assistant.post(`/api/v1/bids/${bid.id}/thread`);
    expect(first.statusCode, first.body).toBe(201);
    const thread = first.json();
    expect(thread).toMatchObject({
      kind: "bid",
      bidId: bid.id,
      contractId: null,
      jobId: job.id,
      jobTitle: job.title,
      unread: 0,
      lastMessage: null,
      contactCheck: true,
    });
    expect(thread.participants.map((p: { userId: string }) => p.userId).sort()).toEqual(
      [client.userId, assistant.userId].sort(),
    );
    const again = await client.post(`/api/v1/bids/${bid.id}/thread`);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(thread.id);
    expect((await assistant.post(`/api/v1/bids/${bid.id}/thread`)).json().id).toBe(thread.id);

    const otherClient = await signedIn(app, ["client"]);
    const otherAssistant = await signedIn(app, ["assistant"]);
    for (const outsider of [otherClient, otherAssistant]) {
      expect((await outsider.post(`/api/v1/bids/${bid.id}/thread`)).statusCode).toBe(404);
      expect((await outsider.get(`/api/v1/threads/${thread.id}`)).statusCode).toBe(404);
    }
    expect((await new Browser(app).post(`/api/v1/bids/${bid.id}/thread`)).statusCode).toBe(401);
    expect((await client.post(`/api/v1/bids/${crypto.randomUUID()}/thread`)).statusCode).toBe(404);
    const bad = await client.post("/api/v1/bids/not-an-id/thread");
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: "id", code: "id_invalid" })]);
  });

  it("a contract has its own thread, without the pre-hire check; the hired bid's thread stops checking", async () => {
    const { client, assistant, bid, contract } = await contractPair();
    const opened = await client.post(`/api/v1/contracts/${contract.id}/thread`);
    expect(opened.statusCode, opened.body).toBe(201);
    expect(opened.json()).toMatchObject({ kind: "contract", contractId: contract.id, contactCheck: false });
    expect((await assistant.post(`/api/v1/contracts/${contract.id}/thread`)).json().id).toBe(
      opened.json().id,
    );
    const stranger = await signedIn(app, ["assistant"]);
    expect((await stranger.post(`/api/v1/contracts/${contract.id}/thread`)).statusCode).toBe(404);
    expect((await new Browser(app).post(`/api/v1/contracts/${contract.id}/thread`)).statusCode).toBe(401);
    const bidThread = (await client.post(`/api/v1/bids/${bid.id}/thread`)).json();
    expect(bidThread).toMatchObject({ kind: "bid", contactCheck: false });
    const sent = await send(assistant, opened.json().id, "Meine Nummer: 0170 1234567");
    expect(sent.statusCode).toBe(201);
    expect(sent.json()).toMatchObject({ flaggedContact: false, contactKinds: [] });
  });
  it("two parties opening at the same moment get one thread", async () => {
    const { client, assistant, bid } = await bidPair();
    const [a, b] = await Promise.all([
      assistant.post(`/api/v1/bids/${bid.id}/thread`),
      client.post(`/api/v1/bids/${bid.id}/thread`),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([200, 201]);
    expect(a.json().id).toBe(b.json().id);
    expect(a.json().participants).toHaveLength(2);
  });
});

describe("messages", () => {
  it("are sent, paged newest first for scrolling up, and kept as written (HTML is text)", async () => {
    const { client, assistant, thread } = await bidThread();
    const bodies = [
      "Guten Tag!",
      "**Wann** passt es Ihnen?",
      '<img src=x onerror="alert(1)"> [Link](https://x.example)',
    ];
    const sent = [];
    for (const body of bodies) {
      offset += 1000;
      const res = await send(assistant, thread.id, body);
      expect(res.statusCode, res.body).toBe(201);
      sent.push(res.json());
    }
    expect(sent[2]).toMatchObject({
      body: bodies[2],
      senderId: assistant.userId,
      attachment: null,
      editedAt: null,
    });
    const page = (await client.get(`/api/v1/threads/${thread.id}/messages?limit=2`)).json();
    expect(page.items.map((m: { body: string }) => m.body)).toEqual([bodies[2], bodies[1]]);
    const rest = (
      await client.get(`/api/v1/threads/${thread.id}/messages?limit=2&before=${page.nextCursor}`)
    ).json();
    expect(rest).toEqual({ items: [expect.objectContaining({ body: bodies[0] })], nextCursor: null });

    const inbox = (await client.get("/api/v1/threads")).json();
    expect(inbox.items).toHaveLength(1);
    expect(inbox.items[0]).toMatchObject({ id: thread.id, unread: 3, lastMessage: { id: sent[2].id } });
    expect((await assistant.get(`/api/v1/threads/${thread.id}`)).json().unread).toBe(0);
  });

  it("refuses empty, over-long and unknown input with field errors", async () => {
    const { assistant, thread } = await bidThread();
    const cases: [unknown, string, string][] = [
      [{ body: "" }, "body", "required"],
      [{ body: "   \n " }, "body", "required"],
      [{ body: "x".repeat(10_001) }, "body", "too_long"],
      [{ body: "Hallo", extra: 1 }, "extra", "unknown_field"],
      [{ body: 42 }, "body", "invalid_type"],
    ];
    for (const [input, field, code] of cases) {
      const res = await assistant.post(`/api/v1/threads/${thread.id}/messages`, input);
      expect(res.statusCode, JSON.stringify(input).slice(0, 40)).toBe(400);
      expect(res.json().errors).toEqual([expect.objectContaining({ field, code })]);
    }
    expect((await send(assistant, thread.id, "x".repeat(10_000))).statusCode).toBe(201);
    const badCursor = await assistant.get(`/api/v1/threads/${thread.id}/messages?before=nonsense`);
    expect(badCursor.statusCode).toBe(400);
    expect((await assistant.get(`/api/v1/threads/${thread.id}/messages?limit=500`)).statusCode).toBe(400);
    expect((await assistant.get("/api/v1/threads/nope/messages")).statusCode).toBe(400);
  });

  it("outsiders can neither read nor post nor learn that a thread exists", async () => {
    const { assistant, thread } = await bidThread();
    const message = (await send(assistant, thread.id, "Hallo")).json();
    const outsiders = [await signedIn(app, ["client"]), await signedIn(app, ["assistant"])];
    for (const o of outsiders) {
      expect((await o.get(`/api/v1/threads/${thread.id}/messages`)).statusCode).toBe(404);
      expect((await send(o, thread.id, "Hallo")).statusCode).toBe(404);
      expect((await o.post(`/api/v1/threads/${thread.id}/read`)).statusCode).toBe(404);
      expect((await o.patch(`/api/v1/messages/${message.id}`, { body: "x" })).statusCode).toBe(404);
      expect((await del(o, `/api/v1/messages/${message.id}`)).statusCode).toBe(404);
      expect((await o.get(`/api/v1/messages/${message.id}/attachment`)).statusCode).toBe(404);
      expect((await o.get("/api/v1/threads")).json().items).toEqual([]);
    }
    const anonymous = new Browser(app);
    for (const [method, url] of [
      ["GET", "/api/v1/threads"],
      ["GET", `/api/v1/threads/${thread.id}`],
      ["GET", `/api/v1/threads/${thread.id}/messages`],
      ["POST", `/api/v1/threads/${thread.id}/messages`],
      ["POST", `/api/v1/threads/${thread.id}/read`],
      ["PATCH", `/api/v1/messages/${message.id}`],
      ["DELETE", `/api/v1/messages/${message.id}`],
      ["GET", "/api/v1/messages/unread-count"],
    ] as const) {
      // A valid body: validation answers before authentication.
      const body =
        method === "GET" || method === "DELETE" ? undefined : url.endsWith("/read") ? {} : { body: "x" };
      expect((await anonymous.request(method, url, body)).statusCode, `${method} ${url}`).toBe(401);
    }
    expect((await upload(anonymous, thread.id, { name: "a.pdf", bytes: PDF })).statusCode).toBe(401);
  });

  it("the inbox lists one's threads by newest activity, page by page", async () => {
    const client = await signedIn(app, ["client"]);
    const a = await bidThread(client);
    const b = await bidThread(client);
    offset += 1000;
    await send(a.assistant, a.thread.id, "Neu in A");
    const first = (await client.get("/api/v1/threads?limit=1")).json();
    expect(first.items.map((t: { id: string }) => t.id)).toEqual([a.thread.id]);
    const second = (await client.get(`/api/v1/threads?limit=1&cursor=${first.nextCursor}`)).json();
    expect(second).toEqual({
      items: [expect.objectContaining({ id: b.thread.id, unread: 0 })],
      nextCursor: null,
    });
    expect((await a.assistant.get("/api/v1/threads")).json().items.map((t: { id: string }) => t.id)).toEqual([
      a.thread.id,
    ]);
  });
});

describe("contact details before hire", () => {
  it("warns with the kinds found and delivers marked only when confirmed", async () => {
    const { client, assistant, thread } = await bidThread();
    const body = "Schreiben Sie mir an anna(at)web.de oder per WhatsApp: +49 170 1234567";
    const warned = await send(assistant, thread.id, body);
    expect(warned.statusCode).toBe(422);
    expect(warned.json()).toMatchObject({ code: "unprocessable", reason: "message.contact_detected" });
    expect(warned.json().errors.map((e: { code: string }) => e.code)).toEqual([
      "contact_email",
      "contact_phone",
      "contact_messenger",
    ]);
    expect((await client.get(`/api/v1/threads/${thread.id}/messages`)).json().items).toEqual([]);

    const confirmed = await send(assistant, thread.id, body, true);
    expect(confirmed.statusCode).toBe(201);
    const [seen] = (await client.get(`/api/v1/threads/${thread.id}/messages`)).json().items;
    expect(seen).toMatchObject({ flaggedContact: true, contactKinds: ["email", "phone", "messenger"] });

    // Dates, prices and amounts are not phone numbers.
    const ordinary = await send(client, thread.id, "Start am 04.01.2027, 30,00 € pro Stunde, 10:00–12:00.");
    expect(ordinary.json()).toMatchObject({ flaggedContact: false });
    // Editing a message into contact details meets the same check; cleaning it removes the mark.
    const edited = await client.patch(`/api/v1/messages/${ordinary.json().id}`, { body: "Mail: c@firma.de" });
    expect(edited.json()).toMatchObject({ reason: "message.contact_detected" });
    const clean = await assistant.patch(`/api/v1/messages/${confirmed.json().id}`, { body: "Lieber hier." });
    expect(clean.json()).toMatchObject({ flaggedContact: false, contactKinds: [] });
  });
});

describe("editing and deleting", () => {
  it("one's own message can be edited for 10 minutes, then 409", async () => {
    const { client, assistant, thread } = await bidThread();
    const message = (await send(assistant, thread.id, "Erster Entwurf")).json();
    const edited = await assistant.patch(`/api/v1/messages/${message.id}`, { body: "Zweiter Entwurf" });
    expect(edited.statusCode, edited.body).toBe(200);
    expect(edited.json()).toMatchObject({ body: "Zweiter Entwurf", editedAt: expect.any(String) });
    const theirs = await client.patch(`/api/v1/messages/${message.id}`, { body: "Fremd" });
    expect(theirs.statusCode).toBe(403);
    expect(theirs.json()).toMatchObject({ reason: "message.not_own" });
    const tooLong = await assistant.patch(`/api/v1/messages/${message.id}`, { body: "x".repeat(10_001) });
    expect(tooLong.json().errors).toEqual([expect.objectContaining({ field: "body", code: "too_long" })]);
    const empty = await assistant.patch(`/api/v1/messages/${message.id}`, { body: " " });
    expect(empty.json().errors).toEqual([expect.objectContaining({ field: "body", code: "required" })]);
    expect((await assistant.patch(`/api/v1/messages/${crypto.randomUUID()}`, { body: "x" })).statusCode).toBe(
      404,
    );

    offset += 10 * 60_000 + 1000;
    const late = await assistant.patch(`/api/v1/messages/${message.id}`, { body: "Zu spät" });
    expect(late.statusCode).toBe(409);
    expect(late.json()).toMatchObject({ reason: "message.edit_window_passed" });
  });

  it("deleting leaves a tombstone in the list, uncounted; only the sender deletes", async () => {
    const { client, assistant, thread } = await bidThread();
    const message = (await send(assistant, thread.id, "Versehentlich gesendet")).json();
    expect((await client.get("/api/v1/messages/unread-count")).json().total).toBe(1);
    expect((await del(client, `/api/v1/messages/${message.id}`)).statusCode).toBe(403);
    const deleted = await del(assistant, `/api/v1/messages/${message.id}`);
    expect(deleted.statusCode).toBe(200);
    expect(deleted.json()).toMatchObject({ id: message.id, body: "", deletedAt: expect.any(String) });
    expect((await del(assistant, `/api/v1/messages/${message.id}`)).json().deletedAt).toBe(
      deleted.json().deletedAt,
    );
    const [listed] = (await client.get(`/api/v1/threads/${thread.id}/messages`)).json().items;
    expect(listed).toMatchObject({ id: message.id, body: "", deletedAt: deleted.json().deletedAt });
    expect((await client.get("/api/v1/messages/unread-count")).json()).toEqual({ total: 0, threads: [] });
    const edit = await assistant.patch(`/api/v1/messages/${message.id}`, { body: "Doch" });
    expect(edit.statusCode).toBe(409);
    expect(edit.json()).toMatchObject({ reason: "message.deleted" });
  });
});

describe("read state", () => {
  it("counts unread per thread and in total, and moves each reader's position only forward", async () => {
    const client = await signedIn(app, ["client"]);
    const a = await bidThread(client);
    const b = await bidThread(client);
    const inA = [];
    for (const body of ["eins", "zwei", "drei"]) {
      offset += 1000;
      inA.push((await send(a.assistant, a.thread.id, body)).json());
    }
    await send(b.assistant, b.thread.id, "vier");
    await send(client, a.thread.id, "eigene Nachrichten sind nie ungelesen");
    const counts = (await client.get("/api/v1/messages/unread-count")).json();
    expect(counts.total).toBe(4);
    expect(counts.threads).toEqual(
      expect.arrayContaining([
        { threadId: a.thread.id, unread: 3 },
        { threadId: b.thread.id, unread: 1 },
      ]),
    );
    const upTo = await client.post(`/api/v1/threads/${a.thread.id}/read`, { messageId: inA[1].id });
    expect(upTo.json()).toEqual({ threadId: a.thread.id, unread: 1, total: 2 });
    const seen = (await a.assistant.get(`/api/v1/threads/${a.thread.id}`)).json().participants;
    expect(seen.find((p: { userId: string }) => p.userId === client.userId)).toMatchObject({
      readUpToId: inA[1].id,
      readAt: expect.any(String),
    });
    // Going back is ignored; a message of another thread is not found.
    expect(
      (await client.post(`/api/v1/threads/${a.thread.id}/read`, { messageId: inA[0].id })).json().unread,
    ).toBe(1);
    const foreign = (await b.assistant.get(`/api/v1/threads/${b.thread.id}/messages`)).json().items[0];
    expect(
      (await client.post(`/api/v1/threads/${a.thread.id}/read`, { messageId: foreign.id })).statusCode,
    ).toBe(404);
    expect((await client.post(`/api/v1/threads/${a.thread.id}/read`, { messageId: "x" })).statusCode).toBe(
      400,
    );
    // Without an id: up to the newest.
    expect((await client.post(`/api/v1/threads/${b.thread.id}/read`)).json()).toEqual({
      threadId: b.thread.id,
      unread: 0,
      total: 1,
    });
    expect((await a.assistant.get("/api/v1/messages/unread-count")).json()).toEqual({
      total: 1,
      threads: [{ threadId: a.thread.id, unread: 1 }],
    });
  });
});

describe("flooding", () => {
  it("a user sending too fast gets 429 with Retry-After; others are not affected; it passes", async () => {
    const { client, assistant, thread } = await bidThread();
    for (let i = 0; i < FLOOD.max; i++)
      expect((await send(assistant, thread.id, `Nachricht ${i}`)).statusCode).toBe(201);
    const flood = await send(assistant, thread.id, "eine zu viel");
    expect(flood.statusCode).toBe(429);
    expect(flood.json()).toMatchObject({ code: "rate_limited", reason: "message.flood" });
    const retry = Number(flood.headers["retry-after"]);
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(60);
    expect((await send(client, thread.id, "Ich darf noch")).statusCode).toBe(201);
    offset += FLOOD.windowMs;
    expect((await send(assistant, thread.id, "wieder erlaubt")).statusCode).toBe(201);
  });
});

describe("attachments", () => {
  it("a participant sends a file checked like a work sample; only participants open it", async () => {
    const { client, assistant, thread } = await bidThread();
    const res = await upload(assistant, thread.id, { name: "Angebot.pdf", bytes: PDF }, { body: "Anbei" });
    expect(res.statusCode, res.body).toBe(201);
    const message = res.json();
    expect(message).toMatchObject({
      body: "Anbei",
      attachment: { fileName: "Angebot.pdf", contentType: "application/pdf", sizeBytes: PDF.length },
    });
    const file = await client.get(`/api/v1/messages/${message.id}/attachment`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.headers["x-content-type-options"]).toBe("nosniff");
    expect(file.rawPayload.equals(PDF)).toBe(true);
    const outsider = await signedIn(app, ["client"]);
    expect((await outsider.get(`/api/v1/messages/${message.id}/attachment`)).statusCode).toBe(404);
    expect((await upload(outsider, thread.id, { name: "a.pdf", bytes: PDF })).statusCode).toBe(404);

    await del(assistant, `/api/v1/messages/${message.id}`);
    expect((await client.get(`/api/v1/messages/${message.id}/attachment`)).statusCode).toBe(404);
  });

  it("refuses a type mismatch, a type not allowed, a file over 20 MB, no file, and contact details in the caption", async () => {
    const { assistant, thread } = await bidThread();
    const mismatch = await upload(assistant, thread.id, { name: "bericht.pdf", bytes: await png(40, 40) });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json()).toMatchObject({ reason: "attachment.type_mismatch" });
    const exe = await upload(assistant, thread.id, {
      name: "tool.exe",
      bytes: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(300, 1)]),
    });
    expect(exe.statusCode).toBe(415);
    expect(exe.json()).toMatchObject({ reason: "attachment.type_not_allowed" });
    const big = await upload(assistant, thread.id, {
      name: "big.txt",
      bytes: Buffer.alloc(20 * 1024 * 1024 + 1, 0x61),
    });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ reason: "attachment.too_large" });
    const none = await upload(assistant, thread.id, undefined, { body: "ohne Datei" });
    expect(none.json().errors).toEqual([expect.objectContaining({ field: "file", code: "required" })]);
    const caption = { body: "Mail: anna@web.de" };
    const warned = await upload(
      assistant,
      thread.id,
      { name: "a.txt", bytes: Buffer.from("Hallo") },
      caption,
    );
    expect(warned.json()).toMatchObject({ reason: "message.contact_detected" });
    expect((await assistant.get(`/api/v1/threads/${thread.id}/messages`)).json().items).toEqual([]);
    const sent = await upload(
      assistant,
      thread.id,
      { name: "a.txt", bytes: Buffer.from("Hallo") },
      { ...caption, confirmContact: "true" },
    );
    expect(sent.json()).toMatchObject({ flaggedContact: true, attachment: { contentType: "text/plain" } });
  });
});

describe("events", () => {
  it("every change writes one numbered event per participant, in the change's transaction", async () => {
    const { client, assistant, thread } = await bidThread();
    const message = (await send(assistant, thread.id, "Hallo")).json();
    await assistant.patch(`/api/v1/messages/${message.id}`, { body: "Hallo!" });
    await client.post(`/api/v1/threads/${thread.id}/read`);
    await client.post(`/api/v1/threads/${thread.id}/read`); // nothing moved: no event
    expect((await send(assistant, thread.id, "a@b.de")).statusCode).toBe(422); // refused: no event
    await del(assistant, `/api/v1/messages/${message.id}`);

    const rows = await app.database.db
      .select()
      .from(realtimeEvent)
      .where(inArray(realtimeEvent.userId, [client.userId, assistant.userId]))
      .orderBy(asc(realtimeEvent.userId), asc(realtimeEvent.seq));
    for (const user of [client, assistant]) {
      const own = rows.filter((r) => r.userId === user.userId);
      expect(own.map((r) => r.type)).toEqual([
        "message.created",
        "message.updated",
        "message.read",
        "message.updated",
      ]);
    }
    const [created, edited, read, deleted] = rows.filter((r) => r.userId === client.userId);
    expect(created?.data).toMatchObject({ threadId: thread.id, message: { id: message.id, body: "Hallo" } });
    expect(edited?.data).toMatchObject({ message: { body: "Hallo!", editedAt: expect.any(String) } });
    expect(read?.data).toMatchObject({ threadId: thread.id, userId: client.userId, messageId: message.id });
    expect(deleted?.data).toMatchObject({ message: { body: "", deletedAt: expect.any(String) } });

    // A reconnecting client asks for the events of transactions from its watermark on.
    // The replay may repeat events from before the watermark's read (any transaction running on
    // the database server holds the watermark back): clients skip those by number.
    const log = createEventLog(app.database.db);
    const seen = Math.max(...rows.map((r) => r.seq));
    const { after } = await log.since(assistant.userId, undefined);
    await send(client, thread.id, "Noch eine Frage");
    const missed = await log.since(assistant.userId, Number(after));
    const fresh = missed.events.filter((e) => e.seq > seen);
    expect(fresh.map((e) => (e.data as { message?: { body?: string } }).message?.body)).toEqual([
      "Noch eine Frage",
    ]);
    expect(Number(missed.after)).toBeGreaterThanOrEqual(Number(after));
    const last = Math.max(...missed.events.map((e) => e.seq));
    expect(
      (await log.since(assistant.userId, Number(missed.after))).events.filter((e) => e.seq > last),
    ).toEqual([]);
  });

  it("both parties writing at once get distinct numbers and each sees every event", async () => {
    const { client, assistant, thread } = await bidThread();
    const { after } = await createEventLog(app.database.db).since(client.userId, undefined);
    const results = await Promise.all(
      [client, assistant, client, assistant, client, assistant].map((u, i) =>
        send(u, thread.id, `Parallel ${i}`),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual([201, 201, 201, 201, 201, 201]);
    for (const user of [client, assistant]) {
      const { events } = await createEventLog(app.database.db).since(user.userId, Number(after));
      expect(new Set(events.map((e) => e.seq)).size).toBe(6);
      expect(events.map((e) => (e.data as { message: { body: string } }).message.body).sort()).toEqual(
        Array.from({ length: 6 }, (_, i) => `Parallel ${i}`),
      );
    }
  });

  it("a change whose events cannot be written is not made", async () => {
    const { assistant, thread } = await bidThread();
    const failing = createMessagingService(
      app.database.db,
      localStorage(mkdtempSync(join(tmpdir(), "msg-"))),
      {
        // Sending is one statement: events that fail to write take the message with them.
        log: {
          ...createEventLog(app.database.db),
          ctes: () =>
            sql`log_numbered AS (SELECT 'event log unavailable'::int AS n, '' AS user_id, 0 AS seq)`,
        },
      },
    );
    const actor = { userId: assistant.userId, roles: ["assistant" as const] };
    await expect(
      failing.post(actor, thread.id, { body: "Geht verloren", confirmContact: false }),
    ).rejects.toThrow("event log unavailable");
    expect((await assistant.get(`/api/v1/threads/${thread.id}/messages`)).json().items).toEqual([]);
  });

  it("after commit each recipient's event goes to the live channel with its number", async () => {
    const numbered = expect.stringMatching(/^\d+$/);
    const { client, assistant, thread } = await bidThread();
    const delivered: Delivery[] = [];
    const service = createMessagingService(
      app.database.db,
      localStorage(mkdtempSync(join(tmpdir(), "msg-"))),
      {
        log: createEventLog(app.database.db),
        deliver: (deliveries) => delivered.push(...deliveries),
      },
    );
    const actor = { userId: client.userId, roles: ["client" as const] };
    await service.post(actor, thread.id, { body: "Hallo", confirmContact: false });
    expect(delivered).toEqual(
      expect.arrayContaining([
        {
          userIds: [client.userId],
          event: expect.objectContaining({ id: numbered, type: "message.created" }),
        },
        {
          userIds: [assistant.userId],
          event: expect.objectContaining({ id: numbered, type: "message.created" }),
        },
      ]),
    );
    expect(delivered).toHaveLength(2);
    await expect(service.post(actor, thread.id, { body: "a@b.de", confirmContact: false })).rejects.toThrow();
    expect(delivered).toHaveLength(2);
    // Typing is not stored: it goes to the others at once, without a number, at most every 3 s.
    await service.typing(actor, thread.id);
    await service.typing(actor, thread.id);
    expect(delivered.slice(2)).toEqual([
      {
        userIds: [assistant.userId],
        event: { type: "typing", data: { threadId: thread.id, userId: client.userId } },
      },
    ]);
    const outsider = { userId: (await signedIn(app, ["client"])).userId, roles: ["client" as const] };
    await expect(service.typing(outsider, thread.id)).rejects.toMatchObject({ status: 404 });
  });
});
