import { and, asc, eq, gt, type SQL, sql } from "drizzle-orm";
import type { LiveEvent } from "../../features/common/shared-schema.ts";
import type { Db, Tx } from "../db/client.ts";
import { realtimeEvent, realtimeSeq } from "./tables.ts";

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
  event: LiveEvent,
  tx: Tx,
) => Numbered[] | undefined | Promise<Numbered[] | undefined>;

/** An event as the live channel sends it: `id` is the user's event number, for resuming. */
export interface Delivery {
  userIds: string[];
  event: LiveEvent & { id?: string };
}

export interface StoredEvent {
  seq: number;
  type: string;
  data: unknown;
  createdAt: string;
}

/** One event for a set of recipients, as the log's statements take them. */
export interface LogItem {
  to: string[];
  event: LiveEvent;
}

/** The number one event (`n`: its index in the statement's items) got in one recipient's log. */
export interface NumberedItem extends Numbered {
  n: number;
}

/**
 * The per-user event log in `realtime_event`, numbered per user (see tables.ts for why), as common
 * table expressions ending in `log_numbered (n, user_id, seq)`, for any number of events in one
 * statement: `log_seq` bumps each recipient's counter once by their number of events (sorted, so
 * two writers lock the counters in one order and never deadlock), `log_numbered` hands out the
 * numbers in item order, `log_events` stores the rows.
 */
function ctes(items: LogItem[]): SQL {
  const input = items.map((item, n) => ({
    n,
    to: [...new Set(item.to)],
    type: item.event.type,
    data: item.event.data,
  }));
  return sql`
    log_input AS (
      SELECT e.n, u.user_id, e.type, e.data
      FROM jsonb_to_recordset(${JSON.stringify(input)}::jsonb) AS e(n int, "to" jsonb, type text, data jsonb)
      CROSS JOIN LATERAL jsonb_array_elements_text(e."to") AS u(user_id)
    ), log_seq AS (
      INSERT INTO ${realtimeSeq} (user_id, last_seq)
      SELECT user_id, count(*) FROM log_input GROUP BY user_id ORDER BY user_id
      ON CONFLICT (user_id) DO UPDATE SET last_seq = ${realtimeSeq}.last_seq + excluded.last_seq
      RETURNING user_id, last_seq
    ), log_numbered AS (
      SELECT i.n, i.user_id, i.type, i.data,
             s.last_seq - count(*) OVER (PARTITION BY i.user_id)
               + row_number() OVER (PARTITION BY i.user_id ORDER BY i.n) AS seq
      FROM log_input i JOIN log_seq s USING (user_id)
    ), log_events AS (
      INSERT INTO ${realtimeEvent} (user_id, seq, type, data)
      SELECT user_id, seq, type, data FROM log_numbered
    )`;
}

/** Rows of `… SELECT n, user_id, seq FROM log_numbered`, from either driver. */
function numberedOf(result: unknown): NumberedItem[] {
  const { rows } = result as { rows: { n: number; user_id: string; seq: string | number }[] };
  return rows.map((r) => ({ n: Number(r.n), userId: r.user_id, seq: Number(r.seq) }));
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
        await tx.execute(
          sql`WITH ${ctes([{ to: userIds, event }])} SELECT n, user_id, seq FROM log_numbered`,
        ),
      ).map(({ userId, seq }) => ({ userId, seq }));
    }) satisfies Publish,

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
