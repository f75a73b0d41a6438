import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { user } from "../accounts/tables.ts";
import { bid } from "../bids/tables.ts";
import { contract } from "../contracts/tables.ts";

/** A conversation: one per bid (before hire) and one per contract, never two for the same. */
export const thread = pgTable(
  "thread",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind").notNull(),
    bidId: uuid("bid_id")
      .unique()
      .references(() => bid.id, { onDelete: "cascade" }),
    contractId: uuid("contract_id")
      .unique()
      .references(() => contract.id, { onDelete: "cascade" }),
    /** Time of the newest message (or of opening): the inbox sorts by it. */
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("thread_kind_known", sql`${t.kind} IN ('bid','contract')`),
    check(
      "thread_kind_matches_subject",
      sql`(${t.kind} = 'bid' AND ${t.bidId} IS NOT NULL AND ${t.contractId} IS NULL) OR (${t.kind} = 'contract' AND ${t.contractId} IS NOT NULL AND ${t.bidId} IS NULL)`,
    ),
  ],
);

/** Who is in a thread, and how far each has read (the read receipt and the unread count). */
export const threadParticipant = pgTable(
  "thread_participant",
  {
    threadId: uuid("thread_id")
      .notNull()
      .references(() => thread.id, { onDelete: "cascade" }),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    /** The newest message read, and its creation time: messages after (time, id) are unread. */
    readUpToId: uuid("read_up_to_id"),
    readUpToAt: timestamp("read_up_to_at", { withTimezone: true }),
    /** When the participant read it. */
    readAt: timestamp("read_at", { withTimezone: true }),
    /** Unread messages up to this time have been e-mailed to the participant (unread-mail.ts). */
    mailedThrough: timestamp("mailed_through", { withTimezone: true }),
    /**
     * The thread's last_activity_at, copied to each participant in the statement that changes it
     * (message-writer.ts): the inbox selects by user and orders by this time, and only a copy on
     * this row lets one index serve both.
     */
    lastActivityAt: timestamp("last_activity_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.threadId, t.userId] }),
    // The inbox reads a user's threads newest activity first, one page from this index scanned
    // backwards (which is DESC NULLS FIRST, the order the query asks for); the unread badge starts
    // from the same participations.
    index("thread_participant_inbox_idx").on(t.userId, t.lastActivityAt, t.threadId),
  ],
);

export const message = pgTable(
  "message",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    threadId: uuid("thread_id")
      .notNull()
      .references(() => thread.id, { onDelete: "cascade" }),
    senderId: text("sender_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    /** Markdown subset as written; empty once deleted (or for an attachment without caption). */
    body: text("body").notNull().default(""),
    attachmentKey: text("attachment_key"),
    attachmentName: text("attachment_name"),
    attachmentType: text("attachment_type"),
    attachmentSize: integer("attachment_size"),
    /** Sent before hire despite the warning about contact details; the recipient sees a caution. */
    flaggedContact: boolean("flagged_contact").notNull().default(false),
    contactKinds: text("contact_kinds").array().notNull().default(sql`'{}'::text[]`),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("message_body_length", sql`char_length(${t.body}) <= 10000`),
    check(
      "message_not_empty",
      sql`${t.deletedAt} IS NOT NULL OR ${t.body} <> '' OR ${t.attachmentKey} IS NOT NULL`,
    ),
    // Pages of a thread newest first, the last message of each thread, and unread counts after a
    // read position all walk this index.
    index("message_thread_created_idx").on(t.threadId, t.createdAt, t.id),
  ],
);
