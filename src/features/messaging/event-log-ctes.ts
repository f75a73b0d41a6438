import { type SQL, sql } from "drizzle-orm";
import { realtimeEvent, realtimeSeq } from "./tables.ts";

/**
 * One numbered event of `type` for each distinct `user_id` of a relation earlier in the caller's
 * statement, as two common table expressions: `<prefix>_seq` bumps each user's counter (sorted, so
 * two writers lock the counters in one order and never deadlock) and `<prefix>_events` stores the
 * events, `RETURNING user_id, seq` for delivery after commit. The notifier folds them into its
 * single statement; the log's own writes with several events per user are events.ts.
 */
export function oneEventEachCtes(prefix: "notify", from: SQL, type: string): SQL {
  const seq = sql.raw(`${prefix}_seq`);
  const events = sql.raw(`${prefix}_events`);
  return sql`${seq} AS (
      INSERT INTO ${realtimeSeq} (user_id, last_seq)
      SELECT DISTINCT user_id, 1 FROM ${from} ORDER BY user_id
      ON CONFLICT (user_id) DO UPDATE SET last_seq = ${realtimeSeq}.last_seq + 1
      RETURNING user_id, last_seq
    ), ${events} AS (
      INSERT INTO ${realtimeEvent} (user_id, seq, type, data)
      SELECT user_id, last_seq, ${type}::text, '{}'::jsonb FROM ${seq}
      RETURNING user_id, seq
    )`;
}
