import { and, asc, eq, gt, type SQL, sql } from "drizzle-orm";
import type { Db, Tx } from "../../server/db/client.ts";
import { realtimeEvent, realtimeSeq } from "./tables.ts";

export interface RealtimeEventInput {
  type: string;
  data: unknown;
}

/** The number an event got in one recipient's log. */
export interface Numbered {
  userId: string;
  seq: number;
}

/**
 * How a service hands its events on: called inside the change's transaction (`tx`), so an event
 * exists exactly when the change does. A log returns each recipient's number for the event; a
 * sink that only broadcasts may ignore `tx` and return undefined.
 */
export type Publish = (
  userIds: string[],
  event: RealtimeEventInput,
  tx: Tx,
) => Numbered[] | undefined | Promise<Numbered[] | undefined>;

/** An event as the live channel sends it: `id` is the user's event number, for resuming. */
export interface Delivery {
  userIds: string[];
  event: RealtimeEventInput & { id?: string };
}

export interface StoredEvent {
  seq: number;
  type: string;
  data: unknown;
  createdAt: string;
}

/** The per-user event log in `realtime_event`, numbered per user (see tables.ts for why). */
/**
 * Numbers the event for each recipient and stores it: `log_seq` bumps the users' counters
 * (sorted, so two writers lock them in one order and never deadlock), `log_events` writes the rows.
 */
function ctes(userIds: string[], event: RealtimeEventInput): SQL {
  const ids = [...new Set(userIds)].sort();
  return sql`
    log_seq AS (
      INSERT INTO ${realtimeSeq} (user_id, last_seq)
      SELECT u, 1 FROM jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb) WITH ORDINALITY AS x(u, n)
      ORDER BY n
      ON CONFLICT (user_id) DO UPDATE SET last_seq = ${realtimeSeq}.last_seq + 1
      RETURNING user_id, last_seq
    ), log_events AS (
      INSERT INTO ${realtimeEvent} (user_id, seq, type, data)
      SELECT user_id, last_seq, ${event.type}, ${JSON.stringify(event.data)}::jsonb FROM log_seq
      RETURNING user_id, seq
    )`;
}

/** Rows of `… SELECT user_id, seq FROM log_events`, from either driver. */
function numberedOf(result: unknown): Numbered[] {
  const { rows } = result as { rows: { user_id: string; seq: string | number }[] };
  return rows.map((r) => ({ userId: r.user_id, seq: Number(r.seq) }));
}

export function createEventLog(db: Db) {
  async function since(userId: string, afterSeq: number, limit = 500): Promise<StoredEvent[]> {
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
  }

  return {
    publish: (async (userIds, event, tx) => {
      if (!userIds.length) return [];
      return numberedOf(
        await tx.execute(sql`WITH ${ctes(userIds, event)} SELECT user_id, seq FROM log_events`),
      );
    }) satisfies Publish,

    /** The same writes as common table expressions ending in `log_events (user_id, seq)`. */
    ctes,
    numberedOf,

    /** A user's events after the number they last saw, oldest first: what a reconnecting client missed. */
    since,

    /** The same in the live channel's shape (its resume hook passes the last id as text). */
    async replay(userId: string, afterId: string) {
      const events = await since(userId, Number(afterId));
      return events.map((e) => ({ id: String(e.seq), type: e.type, data: e.data }));
    },
  };
}

export type EventLog = ReturnType<typeof createEventLog>;
