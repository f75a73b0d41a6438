import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { checkOneOf, enumText } from "../../server/db/enum-column.ts";
import { user } from "../accounts/tables.ts";
import { bid } from "../bids/tables.ts";
import { INTERVIEW_STATUSES } from "./schema.ts";

/** A proposed time: UTC instants in ms. */
export interface ProposedSlot {
  start: string;
  end: string;
}

/**
 * A video interview between a bid's client and assistant: requested with one or more proposed
 * times, confirmed at one of them, moved or cancelled. `sequence` counts changes for the
 * iCalendar invitations (RFC 5545 SEQUENCE); the UID is derived from the id.
 */
export const interview = pgTable(
  "interview",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bidId: uuid("bid_id")
      .notNull()
      .references(() => bid.id, { onDelete: "cascade" }),
    clientId: text("client_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    assistantId: text("assistant_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    status: enumText("status", INTERVIEW_STATUSES).notNull().default("requested"),
    durationMinutes: integer("duration_minutes").notNull(),
    proposals: jsonb("proposals").$type<ProposedSlot[]>().notNull(),
    startsAt: timestamp("starts_at", { withTimezone: true }),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    /**
     * The interview's time for the lists: the confirmed start, else the earliest proposed one;
     * and its end: the confirmed end, else the latest proposed one. Computed by PostgreSQL from
     * the columns above (functions of migration 0014), so every write keeps them right and each
     * party's list can read a page from an index instead of sorting all their interviews.
     */
    firstAt: timestamp("first_at", { withTimezone: true })
      .notNull()
      .generatedAlwaysAs(sql`coalesce(starts_at, interview_proposals_first_start(proposals))`),
    lastEndAt: timestamp("last_end_at", { withTimezone: true })
      .notNull()
      .generatedAlwaysAs(sql`coalesce(ends_at, interview_proposals_last_end(proposals))`),
    /** An external meeting link instead of the built-in room. */
    meetingUrl: text("meeting_url"),
    note: text("note").notNull().default(""),
    sequence: integer("sequence").notNull().default(0),
    /** The `sequence` at which each reminder went out: a move makes both due again for the new time. */
    dayReminderSequence: integer("day_reminder_sequence"),
    soonReminderSequence: integer("soon_reminder_sequence"),
    cancelReason: text("cancel_reason"),
    cancelledBy: text("cancelled_by"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    checkOneOf("interview_status_known", t.status, INTERVIEW_STATUSES),
    check("interview_duration_known", sql`${t.durationMinutes} IN (30, 60)`),
    check("interview_confirmed_has_time", sql`${t.status} <> 'confirmed' OR ${t.startsAt} IS NOT NULL`),
    // Each party's list: past interviews newest first walk (party, first_at, id) backwards; the
    // upcoming ones are the few that end after now, found by (party, last_end_at) and sorted.
    index("interview_client_first_idx").on(t.clientId, t.firstAt, t.id),
    index("interview_assistant_first_idx").on(t.assistantId, t.firstAt, t.id),
    index("interview_client_end_idx").on(t.clientId, t.lastEndAt),
    index("interview_assistant_end_idx").on(t.assistantId, t.lastEndAt),
    index("interview_bid_idx").on(t.bidId),
    // The reminder sweep reads confirmed interviews of the next day.
    index("interview_upcoming_idx").on(t.startsAt).where(sql`${t.status} = 'confirmed'`),
  ],
);

/**
 * The time a confirmed interview takes in each participant's calendar. The migration adds
 * `EXCLUDE USING gist (user_id WITH =, tstzrange(starts_at, ends_at) WITH &&)`: two holds of one
 * person never overlap, whatever races the requests run (0006_interviews.sql).
 */
export const interviewHold = pgTable(
  "interview_hold",
  {
    interviewId: uuid("interview_id")
      .notNull()
      .references(() => interview.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
  },
  (t) => [
    check("interview_hold_positive", sql`${t.endsAt} > ${t.startsAt}`),
    index("interview_hold_interview_idx").on(t.interviewId),
  ],
);
