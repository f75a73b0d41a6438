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
    for (let i = 0; i < 3; i++) {
      await db.transaction((tx) =>
        log.publish([user.userId], { type: "notification.created", data: {} }, tx),
      );
    }
    // The first two happened long ago.
    const old = new Date(Date.now() - EVENT_RETENTION_MS - 60_000);
    await db
      .update(realtimeEvent)
      .set({ createdAt: old })
      .where(and(eq(realtimeEvent.userId, user.userId), lt(realtimeEvent.seq, 3)));
    expect(await pruneEvents(db)).toBeGreaterThanOrEqual(2);
    expect((await log.since(user.userId, 0)).map((e) => e.seq)).toEqual([3]);
    // Numbers continue after the pruned ones: a client that saw 3 never mistakes a new event for an old.
    const [next] =
      (await db.transaction((tx) =>
        log.publish([user.userId], { type: "notification.created", data: {} }, tx),
      )) ?? [];
    expect(next?.seq).toBe(4);
  });
});
