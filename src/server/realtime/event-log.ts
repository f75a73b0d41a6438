import { type SQL, sql } from "drizzle-orm";
import type { LiveEvent } from "../../features/common/shared-schema.ts";
import type { Db, Tx } from "../db/client.ts";
import { realtimeEvent } from "./tables.ts";

/** The number (`seq`) an event got for one recipient. */
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

/** An event as the live channel sends it: `id` is its number, which clients dedupe by. */
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

/** The number one event (`n`: its index in the statement's items) got for one recipient. */
export interface NumberedItem extends Numbered {
  n: number;
}

/**
 * The event log in `realtime_event` (see tables.ts for how clients resume), as common table
 * expressions ending in `log_numbered (n, user_id, seq)`, for any number of events in one
 * statement: `log_numbered` numbers the (event, recipient) pairs in item order from the table's
 * sequence, `log_events` stores them. No row is locked but the new ones.
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
    ), log_numbered AS (
      SELECT i.*, nextval(pg_get_serial_sequence('realtime_event', 'seq')) AS seq
      FROM (SELECT * FROM log_input ORDER BY n, user_id) i
    ), log_events AS (
      INSERT INTO ${realtimeEvent} (seq, user_id, type, data)
      SELECT seq, user_id, type, data FROM log_numbered
    )`;
}

/** Rows of `… SELECT n, user_id, seq FROM log_numbered`, from either driver. */
function numberedOf(result: unknown): NumberedItem[] {
  const { rows } = result as { rows: { n: number; user_id: string; seq: string | number }[] };
  return rows.map((r) => ({ n: Number(r.n), userId: r.user_id, seq: Number(r.seq) }));
}

/** What a resuming client gets: the events it may have missed, and where to resume next time. */
export interface Replay {
  events: StoredEvent[];
  /** The watermark for the next resume (see tables.ts). */
  after: string;
}

export function createEventLog(db: Db) {
  /**
   * A user's events of transactions from `after` on (a watermark), oldest first, and the next
   * watermark: the oldest transaction running when this read, or, when `limit` cut the list, the
   * last event's transaction (its remaining events come next time). The list overlaps with what
   * the live channel delivered; clients skip events by `seq`.
   */
  async function since(userId: string, after: number | undefined, limit = 500): Promise<Replay> {
    const result = await db.execute(sql`
      WITH w AS (SELECT pg_snapshot_xmin(pg_current_snapshot())::text AS watermark)
      SELECT w.watermark, e.seq, e.tx, e.type, e.data, e.created_at
      FROM w LEFT JOIN LATERAL (
        SELECT * FROM ${realtimeEvent}
        WHERE ${after === undefined ? sql`false` : sql`user_id = ${userId} AND tx >= ${after}`}
        ORDER BY tx, seq LIMIT ${limit}
      ) e ON true`);
    // One row with the watermark even when no event matches (the lateral join's nulls).
    const all = (
      result as unknown as {
        rows: {
          watermark: string;
          seq: unknown;
          tx: unknown;
          type: string;
          data: unknown;
          created_at: unknown;
        }[];
      }
    ).rows;
    const watermark = all[0]?.watermark ?? "0";
    const rows = all.filter((r) => r.seq !== null);
    const last = rows.at(-1);
    return {
      events: rows.map((r) => ({
        seq: Number(r.seq),
        type: r.type,
        data: r.data,
        createdAt: new Date(String(r.created_at)).toISOString(),
      })),
      after: rows.length >= limit && last ? String(last.tx) : watermark,
    };
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

    /** What a reconnecting client missed since its watermark (none given: only the watermark). */
    since,

    /** The same in the live channel's shape. */
    async replay(userId: string, after: string | undefined) {
      const { events, after: next } = await since(userId, after === undefined ? undefined : Number(after));
      return { events: events.map((e) => ({ id: String(e.seq), type: e.type, data: e.data })), after: next };
    },
  };
}

export type EventLog = ReturnType<typeof createEventLog>;
