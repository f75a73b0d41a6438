import { and, asc, eq, gt, sql } from "drizzle-orm";
import type { Db, Tx } from "../../server/db/client.ts";
import { realtimeEvent, realtimeSeq } from "./tables.ts";

export interface RealtimeEventInput {
  type: string;
  data: unknown;
}

/**
 * How a service hands its events on: called inside the change's transaction (`tx`), so an event
 * exists exactly when the change does. A sink that only broadcasts may ignore `tx`.
 */
export type Publish = (userIds: string[], event: RealtimeEventInput, tx: Tx) => void | Promise<void>;

export interface StoredEvent {
  seq: number;
  type: string;
  data: unknown;
  createdAt: string;
}

/** The per-user event log in `realtime_event`, numbered per user (see tables.ts for why). */
export function createEventLog(db: Db) {
  return {
    publish: (async (userIds, event, tx) => {
      // Sorted, so two transactions lock the users' counters in the same order and never deadlock.
      const ids = [...new Set(userIds)].sort();
      if (!ids.length) return;
      await tx.execute(sql`
        WITH seqs AS (
          INSERT INTO ${realtimeSeq} (user_id, last_seq)
          SELECT u, 1 FROM jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb) WITH ORDINALITY AS x(u, n)
          ORDER BY n
          ON CONFLICT (user_id) DO UPDATE SET last_seq = ${realtimeSeq}.last_seq + 1
          RETURNING user_id, last_seq
        )
        INSERT INTO ${realtimeEvent} (user_id, seq, type, data)
        SELECT user_id, last_seq, ${event.type}, ${JSON.stringify(event.data)}::jsonb FROM seqs`);
    }) satisfies Publish,

    /** A user's events after the number they last saw, oldest first: what a reconnecting client missed. */
    async since(userId: string, afterSeq: number, limit = 500): Promise<StoredEvent[]> {
      const rows = await db
        .select()
        .from(realtimeEvent)
        .where(and(eq(realtimeEvent.userId, userId), gt(realtimeEvent.seq, afterSeq)))
        .orderBy(asc(realtimeEvent.seq))
        .limit(limit);
      return rows.map((r) => ({
        seq: r.seq,
        type: r.type,
        data: r.data,
        createdAt: r.createdAt.toISOString(),
      }));
    },
  };
}

export type EventLog = ReturnType<typeof createEventLog>;
