import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { checkOneOf, enumText } from "../../server/db/enum-column.ts";
import { user } from "../accounts/tables.ts";
import { bid } from "../bids/tables.ts";
import { job } from "../jobs/tables.ts";
import { CONTRACT_ACTIONS, CONTRACT_STATUSES, OFFER_STATUSES } from "./schema.ts";

export const offer = pgTable(
  "offer",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    bidId: uuid("bid_id")
      .notNull()
      .references(() => bid.id, { onDelete: "cascade" }),
    jobId: uuid("job_id")
      .notNull()
      .references(() => job.id, { onDelete: "cascade" }),
    pricingModel: text("pricing_model").notNull(),
    rateMinor: integer("rate_minor").notNull(),
    currency: text("currency").notNull(),
    weeklyHourCap: integer("weekly_hour_cap"),
    startDate: date("start_date").notNull(),
    message: text("message").notNull().default(""),
    status: enumText("status", OFFER_STATUSES).notNull().default("pending"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    respondedAt: timestamp("responded_at", { withTimezone: true }),
  },
  (t) => [
    checkOneOf("offer_status_known", t.status, OFFER_STATUSES),
    check("offer_rate_positive", sql`${t.rateMinor} > 0`),
    // At most one open offer per bid.
    uniqueIndex("offer_one_pending_per_bid").on(t.bidId).where(sql`${t.status} = 'pending'`),
  ],
);

export const contract = pgTable(
  "contract",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    jobId: uuid("job_id")
      .notNull()
      .references(() => job.id),
    // A bid is hired at most once, whatever races happen above this line.
    bidId: uuid("bid_id")
      .notNull()
      .unique()
      .references(() => bid.id),
    offerId: uuid("offer_id")
      .notNull()
      .references(() => offer.id),
    clientId: text("client_id")
      .notNull()
      .references(() => user.id),
    assistantId: text("assistant_id")
      .notNull()
      .references(() => user.id),
    pricingModel: text("pricing_model").notNull(),
    rateMinor: integer("rate_minor").notNull(),
    currency: text("currency").notNull(),
    weeklyHourCap: integer("weekly_hour_cap"),
    startDate: date("start_date").notNull(),
    status: enumText("status", CONTRACT_STATUSES).notNull().default("active"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    checkOneOf("contract_status_known", t.status, CONTRACT_STATUSES),
    check("contract_hourly_has_cap", sql`${t.pricingModel} <> 'hourly' OR ${t.weeklyHourCap} IS NOT NULL`),
    // Each party lists their contracts, newest first.
    index("contract_client_idx").on(t.clientId, t.createdAt),
    index("contract_assistant_idx").on(t.assistantId, t.createdAt),
    // Counting a job's hires when accepting an offer.
    index("contract_job_idx").on(t.jobId),
  ],
);

/** Every change of a contract's status, with who made it and why: the overview's history. */
export const contractChange = pgTable(
  "contract_change",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    contractId: uuid("contract_id")
      .notNull()
      .references(() => contract.id, { onDelete: "cascade" }),
    actorId: text("actor_id")
      .notNull()
      .references(() => user.id),
    action: enumText("action", CONTRACT_ACTIONS).notNull(),
    fromStatus: enumText("from_status", CONTRACT_STATUSES).notNull(),
    toStatus: enumText("to_status", CONTRACT_STATUSES).notNull(),
    reason: text("reason"),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    checkOneOf("contract_change_action_known", t.action, CONTRACT_ACTIONS),
    // The overview pages a contract's history newest first, by (at, id).
    index("contract_change_contract_idx").on(t.contractId, t.at.desc(), t.id.desc()),
  ],
);
