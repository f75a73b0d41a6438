import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

export interface CalendarPart {
  method: "REQUEST" | "CANCEL";
  /** The iCalendar object, METHOD included. */
  content: string;
}

/**
 * Every e-mail is first written here, in the same transaction as the change that causes it, and
 * delivered by the mail relay afterwards (see worker.ts). A crash between the two never loses or
 * invents a mail.
 */
export const mailOutbox = pgTable(
  "mail_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    /** Extra MIME parts (e.g. text/calendar invitations) as nodemailer attachment objects. */
    attachments: jsonb("attachments").$type<{ filename: string; contentType: string; content: string }[]>(),
    /** A calendar invitation, sent as the text/calendar alternative of the mail (iMIP, RFC 6047). */
    calendar: jsonb("calendar").$type<CalendarPart>(),
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    /** When the relay may (next) try: now for a new mail, later after a failure or while leased. */
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    check("mail_outbox_status_known", sql`${t.status} IN ('pending','sent','failed')`),
    // The dev mail viewer lists the newest mails first; the relay claims pending ones when due.
    index("mail_outbox_created_at_idx").on(t.createdAt),
    index("mail_outbox_due_idx").on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
  ],
);
