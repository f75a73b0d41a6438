import { sql } from "drizzle-orm";
import {
  check,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { user } from "../accounts/tables.ts";
import type { AvailabilityException } from "../calendar/schema.ts";
import { contract } from "../contracts/tables.ts";
import type { WeeklySlot } from "../profiles/schema.ts";

/** When a user can meet: weekly hours and exceptions in their own zone, and a gap around meetings. */
export const availability = pgTable(
  "availability",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => user.id, { onDelete: "cascade" }),
    timeZone: text("time_zone").notNull(),
    weeklyHours: jsonb("weekly_hours").$type<WeeklySlot[]>().notNull(),
    exceptions: jsonb("exceptions").$type<AvailabilityException[]>().notNull().default([]),
    bufferMinutes: integer("buffer_minutes").notNull().default(0),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [check("availability_buffer_range", sql`${t.bufferMinutes} BETWEEN 0 AND 240`)],
);

/** An external calendar whose events count as busy time: a subscribed URL or an uploaded file. */
export const calendarImport = pgTable(
  "calendar_import",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    name: text("name").notNull(),
    /** For subscriptions; a secret of the user's (private calendar links carry tokens): never shown to others. */
    url: text("url"),
    lastSyncedAt: timestamp("last_synced_at", { withTimezone: true }),
    /** The reason of the last failed sync (e.g. "ics_url.timeout"), cleared by the next success. */
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("calendar_import_kind_known", sql`${t.kind} IN ('url','file')`),
    check("calendar_import_url_given", sql`(${t.kind} = 'url') = (${t.url} IS NOT NULL)`),
    // Each user's list, and the sync job's walk over subscriptions.
    index("calendar_import_user_idx").on(t.userId),
  ],
);

/** Busy intervals read from an import, replaced as a whole by each sync. */
export const busyTime = pgTable(
  "busy_time",
  {
    importId: uuid("import_id")
      .notNull()
      .references(() => calendarImport.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    // Slot search reads one user's busy time in a window of weeks.
    index("busy_time_user_start_idx").on(t.userId, t.startsAt),
    index("busy_time_import_idx").on(t.importId),
  ],
);

/**
 * An iCalendar subscription link: per user (all their interviews and contract events) or per
 * contract. The token in the URL is the only credential, so it is long and random, and revoking the
 * row ends the link at once.
 */
export const calendarFeed = pgTable(
  "calendar_feed",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    contractId: uuid("contract_id").references(() => contract.id, { onDelete: "cascade" }),
    token: text("token").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    // Calendar apps fetch by token every few minutes.
    uniqueIndex("calendar_feed_token_idx").on(t.token),
    index("calendar_feed_user_idx").on(t.userId),
  ],
);
