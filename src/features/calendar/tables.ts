import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, unique, uuid } from "drizzle-orm/pg-core";
import { user } from "../accounts/tables.ts";
import { contract } from "../contracts/tables.ts";

/**
 * An event in a contract's shared calendar, written by either party. The instants are UTC; the
 * zone is the one the event was written in, which a recurring event needs to keep its wall-clock
 * time across DST (a weekly 09:00 in Berlin is 08:00 UTC in winter and 07:00 in summer).
 */
export const contractEvent = pgTable(
  "contract_event",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contract.id, { onDelete: "cascade" }),
    createdBy: text("created_by")
      .notNull()
      .references(() => user.id),
    title: text("title").notNull(),
    /** The first occurrence; an all-day event runs from midnight to midnight in its zone. */
    startsAt: timestamp("starts_at", { withTimezone: true }).notNull(),
    endsAt: timestamp("ends_at", { withTimezone: true }).notNull(),
    allDay: boolean("all_day").notNull().default(false),
    timeZone: text("time_zone").notNull(),
    location: text("location").notNull().default(""),
    url: text("url"),
    notes: text("notes").notNull().default(""),
    /** An RFC 5545 RRULE value without DTSTART ("FREQ=WEEKLY;UNTIL=…"), checked on every write. */
    rrule: text("rrule"),
    /** iCalendar's SEQUENCE: 0 when made, one more on every change, so calendar apps take the newest. */
    sequence: integer("sequence").notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("contract_event_ends_after_start", sql`${t.endsAt} > ${t.startsAt}`),
    check("contract_event_title_length", sql`char_length(${t.title}) BETWEEN 1 AND 200`),
    check("contract_event_notes_length", sql`char_length(${t.notes}) <= 5000`),
    check("contract_event_url_http", sql`${t.url} IS NULL OR ${t.url} ~* '^https?://'`),
    check("contract_event_sequence_counts", sql`${t.sequence} >= 0`),
    // The calendar asks for one contract's events in a window: those starting before the window's
    // end, in order. A contract holds hundreds of events over its life, not millions, so the rows
    // this finds are few even though past one-off events are filtered out only after the index.
    index("contract_event_contract_starts_idx").on(t.contractId, t.startsAt),
  ],
);

/**
 * One occurrence of a recurring event changed or cancelled on its own, as iCalendar's RECURRENCE-ID
 * names it: by the instant the series would have started it. A null column keeps the series' value,
 * so a later change to the whole series still reaches the fields the occurrence left alone.
 */
export const contractEventOccurrence = pgTable(
  "contract_event_occurrence",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    eventId: uuid("event_id")
      .notNull()
      .references(() => contractEvent.id, { onDelete: "cascade" }),
    /** Where the series puts this occurrence (UTC): its RECURRENCE-ID. */
    originalStartsAt: timestamp("original_starts_at", { withTimezone: true }).notNull(),
    /** Deleted from the series (an EXDATE); the other columns then mean nothing. */
    cancelled: boolean("cancelled").notNull().default(false),
    /** Moved: both instants set, or both null for the series' own time. */
    startsAt: timestamp("starts_at", { withTimezone: true }),
    endsAt: timestamp("ends_at", { withTimezone: true }),
    title: text("title"),
    location: text("location"),
    /** "" when this occurrence has no link although the series has one. */
    url: text("url"),
    notes: text("notes"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    // One override per occurrence; also the index the calendar reads a series' overrides by (the
    // list and the feeds find the contract's series first, then their few overrides).
    unique("contract_event_occurrence_original_unique").on(t.eventId, t.originalStartsAt),
    check(
      "contract_event_occurrence_times",
      sql`(${t.startsAt} IS NULL) = (${t.endsAt} IS NULL) AND (${t.startsAt} IS NULL OR ${t.endsAt} > ${t.startsAt})`,
    ),
    check("contract_event_occurrence_title_length", sql`char_length(${t.title}) BETWEEN 1 AND 200`),
    check("contract_event_occurrence_notes_length", sql`char_length(${t.notes}) <= 5000`),
    check(
      "contract_event_occurrence_url_http",
      sql`${t.url} IS NULL OR ${t.url} = '' OR ${t.url} ~* '^https?://'`,
    ),
  ],
);
