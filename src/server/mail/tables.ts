import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";

/**
 * Every e-mail is first written here, in the same transaction as the change that causes it, and
 * delivered by the mail worker afterwards. A crash between the two never loses or invents a mail.
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
    status: text("status").notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [
    check("mail_outbox_status_known", sql`${t.status} IN ('pending','sent','failed')`),
    // The dev mail viewer lists the newest mails first; the sweeper scans pending ones by age.
    index("mail_outbox_created_at_idx").on(t.createdAt),
    index("mail_outbox_pending_idx").on(t.createdAt).where(sql`${t.status} = 'pending'`),
  ],
);
