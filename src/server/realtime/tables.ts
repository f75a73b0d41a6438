import { sql } from "drizzle-orm";
import { bigint, bigserial, index, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { user } from "../../features/accounts/tables.ts";

/**
 * Every user's realtime events, one row per recipient, numbered by one sequence (`seq`, the id a
 * client dedupes by) and stamped with the writing transaction's id (`tx`). Numbers are handed out
 * before commit, in another order than commits, so a client cannot resume "after the last number it
 * saw". It resumes from a watermark instead: the oldest transaction still running when its last
 * replay read the log (`pg_snapshot_xmin`). Every event of an older transaction was committed (or
 * rolled back) by then, so asking for `tx >= watermark` next time misses nothing, and nothing is
 * locked per user: bids for one client are written side by side (decision 0025, which replaces
 * 0005's per-user counter).
 */
export const realtimeEvent = pgTable(
  "realtime_event",
  {
    seq: bigserial("seq", { mode: "number" }).primaryKey(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    tx: bigint("tx", { mode: "number" }).notNull().default(sql`(pg_current_xact_id()::text::bigint)`),
    type: text("type").notNull(),
    data: jsonb("data").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // Resuming reads (user_id, tx >= watermark) in (tx, seq) order. Old rows are pruned by time
  // (a later job), hence the second index.
  (t) => [
    index("realtime_event_resume_idx").on(t.userId, t.tx, t.seq),
    index("realtime_event_created_idx").on(t.createdAt),
  ],
);
