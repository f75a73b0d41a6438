import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp } from "drizzle-orm/pg-core";
import { user } from "../accounts/tables.ts";

export const assistantProfile = pgTable(
  "assistant_profile",
  {
    userId: text("user_id")
      .primaryKey()
      .references(() => user.id, { onDelete: "cascade" }),
    headline: text("headline").notNull(),
    bio: text("bio").notNull().default(""),
    yearsExperience: integer("years_experience").notNull(),
    skills: text("skills").array().notNull().default(sql`'{}'::text[]`),
    tags: text("tags").array().notNull().default(sql`'{}'::text[]`),
    languages: jsonb("languages").$type<{ code: string; level: string }[]>().notNull().default([]),
    hourlyRateMinor: integer("hourly_rate_minor"),
    priceList: jsonb("price_list").$type<{ category: string; priceMinor: number }[]>().notNull().default([]),
    currency: text("currency").notNull().default("EUR"),
    timeZone: text("time_zone").notNull(),
    weeklyHours: jsonb("weekly_hours")
      .$type<{ day: string; from: string; to: string }[]>()
      .notNull()
      .default([]),
    availability: text("availability").notNull().default("available"),
    /** Storage key of the square WebP photo the server made from the upload; null without one. */
    photoKey: text("photo_key"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      "assistant_profile_availability_known",
      sql`${t.availability} IN ('available','limited','unavailable')`,
    ),
    check("assistant_profile_years_sane", sql`${t.yearsExperience} BETWEEN 0 AND 60`),
    // Finding assistants by skill (search and recommendations build on it).
    index("assistant_profile_skills_idx").using("gin", t.skills),
  ],
);

export const clientProfile = pgTable("client_profile", {
  userId: text("user_id")
    .primaryKey()
    .references(() => user.id, { onDelete: "cascade" }),
  displayName: text("display_name").notNull(),
  country: text("country").notNull(),
  timeZone: text("time_zone").notNull(),
  billingAddress: jsonb("billing_address")
    .$type<{ line1: string; line2: string; postalCode: string; city: string }>()
    .notNull(),
  vatId: text("vat_id"),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});
