import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { user } from "../accounts/tables.ts";

export const notification = pgTable(
  "notification",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    data: jsonb("data").$type<Record<string, string | number | null>>().notNull(),
    readAt: timestamp("read_at", { withTimezone: true }),
    /** Waiting for the user's daily digest mail (their preference for this type is `digest`). */
    digestPending: boolean("digest_pending").notNull().default(false),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // The bell: a user's notifications newest first.
    index("notification_user_created_idx").on(t.userId, t.createdAt),
    // The unread badge counts only unread rows.
    index("notification_user_unread_idx").on(t.userId).where(sql`${t.readAt} IS NULL`),
    // The digest run finds users with something to summarize.
    index("notification_digest_pending_idx").on(t.userId).where(sql`${t.digestPending}`),
  ],
);

/** A user's choice per notification type; no row means the default (in-app and mail at once). */
export const notificationPreference = pgTable(
  "notification_preference",
  {
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    type: text("type").notNull(),
    channel: text("channel").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.userId, t.type] }),
    check("notification_preference_channel_known", sql`${t.channel} IN ('email','digest','in_app','off')`),
  ],
);
