import { and, eq, lt } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../testing/app.ts";
import { signedIn } from "../testing/http.ts";
import { createEventLog } from "./event-log.ts";
import { EVENT_RETENTION_MS, pruneEvents } from "./event-pruning.ts";
import { realtimeEvent } from "./tables.ts";

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

describe("event log pruning", () => {
  it("removes events older than the retention, keeps newer ones and the numbering", async () => {
    const user = await signedIn(app, ["client"]);
    const log = createEventLog(app.database.db);
    const db = app.database.db;
    const seqs: number[] = [];
    for (let i = 0; i < 3; i++) {
      const [numbered] =
        (await db.transaction((tx) =>
          log.publish([user.userId], { type: "notification.created", data: {} }, tx),
        )) ?? [];
      seqs.push(numbered?.seq ?? 0);
    }
    // The first two happened long ago.
    const old = new Date(Date.now() - EVENT_RETENTION_MS - 60_000);
    await db
      .update(realtimeEvent)
      .set({ createdAt: old })
      .where(and(eq(realtimeEvent.userId, user.userId), lt(realtimeEvent.seq, seqs[2] ?? 0)));
    expect(await pruneEvents(db)).toBeGreaterThanOrEqual(2);
    expect((await log.since(user.userId, 0)).events.map((e) => e.seq)).toEqual([seqs[2]]);
    // Numbers continue after the pruned ones: a client never mistakes a new event for an old.
    const [next] =
      (await db.transaction((tx) =>
        log.publish([user.userId], { type: "notification.created", data: {} }, tx),
      )) ?? [];
    expect(next?.seq).toBeGreaterThan(seqs[2] ?? 0);
  });
});
