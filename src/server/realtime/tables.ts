import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";
import { user } from "../../features/accounts/tables.ts";

/**
 * Each user's stream of realtime events, numbered 1, 2, 3, … per user. A client that reconnects
 * asks for the events after the last number it saw. The number comes from `realtime_seq`, whose
 * row is locked until the writing transaction commits, so a user's events become visible in
 * number order: a reader never sees 7 before 6 commits and skips it. (A global bigserial would
 * not give that: ids are handed out before commit, in a different order than commits.)
 */
export const realtimeSeq = pgTable("realtime_seq", {
  userId: text("user_id")
    .primaryKey()
    .references(() => user.id, { onDelete: "cascade" }),
  lastSeq: bigint("last_seq", { mode: "number" }).notNull(),
});

export const realtimeEvent = pgTable(
  "realtime_event",
  {
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    seq: bigint("seq", { mode: "number" }).notNull(),
    type: text("type").notNull(),
    data: jsonb("data").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // Resuming reads (user_id, seq > n) in order: the primary key is that index. Old rows are pruned
  // by time (a later job), hence the second index.
  (t) => [primaryKey({ columns: [t.userId, t.seq] }), index("realtime_event_created_idx").on(t.createdAt)],
);
