import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../server/testing/app.ts";
import type { signedIn } from "../../server/testing/http.ts";
import { bidThread } from "./testing.ts";
import { noticeUnreadMessages, UNREAD_AFTER_MS } from "./unread-mail.ts";

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

async function thread() {
  const { client, assistant, thread: t } = await bidThread(app, { jobTitle: "Reisekosten abrechnen" });
  const send = async (from: typeof client, body: string) =>
    expect((await from.post(`/api/v1/threads/${t.id}/messages`, { body })).statusCode).toBe(201);
  return { client, assistant, threadId: t.id, send };
}

const later = (ms: number) => new Date(Date.now() + ms);
const run = (at: Date) => noticeUnreadMessages(app.database.db, app.services.notifier, at);
// The client's list also holds the bid's own notice; these tests look at the message notices.
const noticesOf = async (reader: Awaited<ReturnType<typeof signedIn>>) =>
  ((await reader.get("/api/v1/notifications")).json().items as { type: string; data: object }[]).filter(
    (n) => n.type === "message.unread",
  );
const mailsTo = async (email: string) =>
  app.database.db.query.mailOutbox.findMany({
    where: (m, { and, eq, like }) => and(eq(m.to, email), like(m.subject, "%achricht%")),
  });

describe("unread messages: a notice, by e-mail unless the reader chose otherwise", () => {
  it("mails messages still unread after five minutes, grouped per thread, once", async () => {
    const { client, assistant, threadId, send } = await thread();
    await send(assistant, "Guten Tag!");
    await send(assistant, "Eine Frage zu den Belegen.");
    await send(assistant, "Und noch eine.");
    // Not yet: five minutes have not passed.
    await run(later(UNREAD_AFTER_MS - 60_000));
    expect(await mailsTo(client.email)).toHaveLength(0);
    await run(later(UNREAD_AFTER_MS + 1_000));
    const [mail] = await mailsTo(client.email);
    expect(mail?.subject).toBe("3 ungelesene Nachrichten zu „Reisekosten abrechnen“");
    expect(mail?.text).toContain(`/messages/${threadId}`);
    expect(mail?.text).toContain("Anna Schmidt");
    // The same notice is in the in-app list, pointing at the thread.
    expect(await noticesOf(client)).toMatchObject([
      { type: "message.unread", data: { threadId, count: 3, sender: "Anna Schmidt" } },
    ]);
    // The next run does not mail the same messages again; the sender gets nothing for their own.
    await run(later(UNREAD_AFTER_MS + 61_000));
    expect(await mailsTo(client.email)).toHaveLength(1);
    expect(await mailsTo(assistant.email)).toHaveLength(0);
  });

  it("in-app only: a notice in the list, no mail", async () => {
    const { client, assistant, threadId, send } = await thread();
    await client.request("PUT", "/api/v1/me/notification-preferences", {
      preferences: [{ type: "message.unread", channel: "in_app" }],
    });
    await send(assistant, "Hallo Clara");
    await run(later(UNREAD_AFTER_MS + 1_000));
    expect(await mailsTo(client.email)).toHaveLength(0);
    expect(await noticesOf(client)).toMatchObject([{ type: "message.unread", data: { threadId, count: 1 } }]);
  });

  it("digest: no mail now, a line in the next daily summary", async () => {
    const { client, assistant, send } = await thread();
    await client.request("PUT", "/api/v1/me/notification-preferences", {
      preferences: [{ type: "message.unread", channel: "digest" }],
    });
    await send(assistant, "Hallo Clara, kurze Frage");
    await run(later(UNREAD_AFTER_MS + 1_000));
    expect(await mailsTo(client.email)).toHaveLength(0);
    await app.services.notifications.sendDigests(null);
    const digest = await app.database.db.query.mailOutbox.findFirst({
      where: (m, { and, eq, like }) => and(eq(m.to, client.email), like(m.subject, "%Zusammenfassung%")),
    });
    expect(digest?.text).toContain("Anna Schmidt hat Ihnen zu „Reisekosten abrechnen“ geschrieben.");
  });

  it("off: neither a notice nor a mail", async () => {
    const { client, assistant, send } = await thread();
    await client.request("PUT", "/api/v1/me/notification-preferences", {
      preferences: [{ type: "message.unread", channel: "off" }],
    });
    await send(assistant, "Hallo Clara");
    await run(later(UNREAD_AFTER_MS + 1_000));
    expect(await mailsTo(client.email)).toHaveLength(0);
    expect(await noticesOf(client)).toEqual([]);
  });

  it("mails nothing for messages read in time", async () => {
    const { client, assistant, threadId, send } = await thread();
    await send(client, "Hallo Anna");
    await assistant.post(`/api/v1/threads/${threadId}/read`);
    await run(later(UNREAD_AFTER_MS + 1_000));
    expect(await mailsTo(assistant.email)).toHaveLength(0);
  });
});
