import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { checkOneOf, enumText } from "../../server/db/enum-column.ts";
import { user } from "../accounts/tables.ts";
import { PRICING_MODELS } from "../common/schema.ts";
import { JOB_STATUSES, JOB_VISIBILITIES } from "./schema.ts";

export const job = pgTable(
  "job",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    clientId: text("client_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull(),
    categories: text("categories").array().notNull(),
    pricingModel: enumText("pricing_model", PRICING_MODELS).notNull(),
    maxRateMinor: integer("max_rate_minor").notNull(),
    currency: text("currency").notNull().default("EUR"),
    expectedVolume: integer("expected_volume").notNull(),
    startDate: date("start_date").notNull(),
    durationWeeks: integer("duration_weeks"),
    languages: text("languages").array().notNull().default(sql`'{}'::text[]`),
    overlap: jsonb("overlap").$type<{ hours: number; timeZone: string; from: string; to: string } | null>(),
    screeningQuestions: jsonb("screening_questions").$type<string[]>().notNull().default([]),
    bidDeadline: timestamp("bid_deadline", { withTimezone: true }).notNull(),
    visibility: enumText("visibility", JOB_VISIBILITIES).notNull().default("public"),
    openings: integer("openings").notNull().default(1),
    status: enumText("status", JOB_STATUSES).notNull().default("draft"),
    publishedAt: timestamp("published_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    checkOneOf("job_pricing_model_known", t.pricingModel, PRICING_MODELS),
    checkOneOf("job_status_known", t.status, JOB_STATUSES),
    checkOneOf("job_visibility_known", t.visibility, JOB_VISIBILITIES),
    check("job_max_rate_positive", sql`${t.maxRateMinor} > 0`),
    check("job_openings_positive", sql`${t.openings} >= 1`),
    // A client's own job list, newest first.
    index("job_client_created_idx").on(t.clientId, t.createdAt),
    // The assistants' job board: open public jobs, newest first (cursor on published_at, id).
    index("job_board_idx")
      .on(t.publishedAt.desc(), t.id.desc())
      .where(sql`${t.status} = 'open' AND ${t.visibility} = 'public'`),
  ],
);

/** Assistants invited to an invite-only job; only they (and the client) can see it. */
export const jobInvitation = pgTable(
  "job_invitation",
  {
    jobId: uuid("job_id")
      .notNull()
      .references(() => job.id, { onDelete: "cascade" }),
    assistantId: text("assistant_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // Visibility checks look up (job, assistant); an assistant's invitations by assistant.
  (t) => [
    primaryKey({ columns: [t.jobId, t.assistantId] }),
    index("job_invitation_assistant_idx").on(t.assistantId),
  ],
);
