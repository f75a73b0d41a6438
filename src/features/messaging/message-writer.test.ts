import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createEventLog } from "../../server/realtime/event-log.ts";
import { createTestApp } from "../../server/testing/app.ts";
import { createMessageWriter, type MessageRow } from "./message-writer.ts";
import { message, thread } from "./tables.ts";
import { bidThread } from "./testing.ts";
import { toMessage } from "./views.ts";

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

function outgoing(threadId: string, senderId: string, to: string[], body: string, at: Date) {
  const row: MessageRow = {
    id: randomUUID(),
    threadId,
    senderId,
    body,
    attachmentKey: null,
    attachmentName: null,
    attachmentType: null,
    attachmentSize: null,
    flaggedContact: false,
    contactKinds: [],
    editedAt: null,
    deletedAt: null,
    createdAt: at,
  };
  const event = { type: "message.created" as const, data: { threadId, message: toMessage(row) } };
  return { row, item: { to, event } };
}

describe("the message writer", () => {
  it("writes what queued while a statement was in flight as one statement, numbering each recipient's events in order", async () => {
    const { client, assistant, thread: t } = await bidThread(app);
    const db = app.database.db;
    const writer = createMessageWriter(db, createEventLog(db), { inFlight: 1, batch: 100 });
    const statements = vi.spyOn(db, "execute");
    const base = Date.now();
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        writer.write(
          outgoing(
            t.id,
            i % 2 ? client.userId : assistant.userId,
            [client.userId, assistant.userId],
            `Nr. ${i}`,
            new Date(base + i),
          ),
        ),
      ),
    );
    // The first went alone; the other nineteen waited for it and went together.
    expect(statements).toHaveBeenCalledTimes(2);
    statements.mockRestore();
    // Each message one number per recipient, rising in the order the messages were written.
    for (const user of [client, assistant]) {
      const own = results.map((numbered) => numbered.find((n) => n.userId === user.userId)?.seq ?? 0);
      expect(own.every((seq, i) => i === 0 || seq > (own[i - 1] ?? 0))).toBe(true);
    }
    expect(new Set(results.flat().map((n) => n.seq)).size).toBe(40);
    const stored = await db.select().from(message).where(eq(message.threadId, t.id));
    expect(stored).toHaveLength(20);
    const [row] = await db.select().from(thread).where(eq(thread.id, t.id));
    expect(row?.lastActivityAt.getTime()).toBe(base + 19);
    const { events } = await createEventLog(db).since(client.userId, 0);
    expect(events.map((e) => (e.data as { message: { body: string } }).message.body)).toEqual(
      Array.from({ length: 20 }, (_, i) => `Nr. ${i}`),
    );
  });

  it("a message the database refuses fails alone; the others in its statement are stored", async () => {
    const { client, assistant, thread: t } = await bidThread(app);
    const db = app.database.db;
    const writer = createMessageWriter(db, createEventLog(db), { inFlight: 1, batch: 100 });
    const to = [client.userId, assistant.userId];
    const at = new Date();
    const first = writer.write(outgoing(t.id, client.userId, to, "eins", at));
    // These three queue behind the first and share a statement; the middle one names no thread.
    const queued = [
      writer.write(outgoing(t.id, client.userId, to, "zwei", at)),
      writer.write(outgoing(randomUUID(), client.userId, to, "verwaist", at)),
      writer.write(outgoing(t.id, assistant.userId, to, "drei", at)),
    ];
    await first;
    const settled = await Promise.allSettled(queued);
    expect(settled.map((s) => s.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
    const bodies = (await db.select().from(message).where(eq(message.threadId, t.id))).map((m) => m.body);
    expect(bodies.sort()).toEqual(["drei", "eins", "zwei"]);
    // The events of the stored three, in the order they were written; none of the refused one.
    const { events } = await createEventLog(db).since(client.userId, 0);
    expect(events.map((e) => (e.data as { message: { body: string } }).message.body)).toEqual([
      "eins",
      "zwei",
      "drei",
    ]);
  });
});
