import { sql } from "drizzle-orm";
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { user } from "../accounts/tables.ts";
import { bid } from "../bids/tables.ts";

export const workSample = pgTable(
  "work_sample",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    ownerId: text("owner_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    category: text("category").notNull(),
    visibility: text("visibility").notNull().default("bids_only"),
    url: text("url"),
    fileKey: text("file_key"),
    fileName: text("file_name"),
    contentType: text("content_type"),
    sizeBytes: integer("size_bytes"),
    thumbnailKey: text("thumbnail_key"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check("work_sample_file_or_link", sql`(${t.fileKey} IS NULL) <> (${t.url} IS NULL)`),
    check("work_sample_visibility_known", sql`${t.visibility} IN ('public','bids_only')`),
    // An assistant's portfolio, newest first.
    index("work_sample_owner_idx").on(t.ownerId, t.createdAt),
  ],
);

/** Samples attached to a bid; the job's client may open them. */
export const bidSample = pgTable(
  "bid_sample",
  {
    bidId: uuid("bid_id")
      .notNull()
      .references(() => bid.id, { onDelete: "cascade" }),
    sampleId: uuid("sample_id")
      .notNull()
      .references(() => workSample.id, { onDelete: "cascade" }),
  },
  // Access checks go from a sample to the bids it is attached to.
  (t) => [primaryKey({ columns: [t.bidId, t.sampleId] }), index("bid_sample_sample_idx").on(t.sampleId)],
);
