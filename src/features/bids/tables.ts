import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { checkOneOf, enumText } from "../../server/db/enum-column.ts";
import { user } from "../accounts/tables.ts";
import { job } from "../jobs/tables.ts";
import { BID_STATUSES } from "./schema.ts";

export const bid = pgTable(
  "bid",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    jobId: uuid("job_id")
      .notNull()
      .references(() => job.id, { onDelete: "cascade" }),
    assistantId: text("assistant_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    rateMinor: integer("rate_minor").notNull(),
    currency: text("currency").notNull(),
    coverLetter: text("cover_letter").notNull(),
    answers: jsonb("answers").$type<string[]>().notNull().default([]),
    earliestStart: date("earliest_start").notNull(),
    status: enumText("status", BID_STATUSES).notNull().default("submitted"),
    rejectionMessage: text("rejection_message"),
    /**
     * Minutes per working day the assistant's hours overlap the window the job wants; null when
     * the job wants none or the assistant has not said their hours. Kept current when either
     * side changes (see bids/overlap-sync.ts), so the review can sort by it with a keyset.
     */
    overlapMinutes: integer("overlap_minutes"),
    /**
     * The assistant's years of experience from their profile; null without one. Copied here at
     * bid time and whenever the profile is saved (bids/experience-sync.ts), so the review can sort
     * a job's bids by it from an index of this table instead of reading every bid's profile.
     */
    yearsExperience: integer("years_experience"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    checkOneOf("bid_status_known", t.status, BID_STATUSES),
    check("bid_rate_positive", sql`${t.rateMinor} > 0`),
    // One active bid per assistant and job: a withdrawn bid frees the place for a new one.
    uniqueIndex("bid_one_active_per_assistant")
      .on(t.jobId, t.assistantId)
      .where(sql`${t.status} <> 'withdrawn'`),
    // The client's review list of a job's bids, sorted by time or rate.
    index("bid_job_created_idx").on(t.jobId, t.createdAt),
    index("bid_job_rate_idx").on(t.jobId, t.rateMinor),
    // Sorted by overlap the review orders by coalesce(overlap_minutes, -1), then id: without an
    // index on that very expression PostgreSQL reads and sorts every bid of the job.
    index("bid_job_overlap_idx").on(t.jobId, sql`coalesce(${t.overlapMinutes}, -1)`, t.id),
    // The same for the sort by experience, ordered by coalesce(years_experience, -1), then id.
    index("bid_job_experience_idx").on(t.jobId, sql`coalesce(${t.yearsExperience}, -1)`, t.id),
    // An assistant's own bids, newest first.
    index("bid_assistant_created_idx").on(t.assistantId, t.createdAt),
  ],
);
