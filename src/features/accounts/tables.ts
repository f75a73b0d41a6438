import { sql } from "drizzle-orm";
import { bigint, boolean, check, index, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

// Better Auth's core tables (user, session, account, verification) and those of the plugins we use
// (two-factor, rate limit), in the shapes its Drizzle adapter expects, plus our own columns.

export const user = pgTable(
  "user",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    email: text("email").notNull().unique(),
    emailVerified: boolean("email_verified").notNull().default(false),
    image: text("image"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    twoFactorEnabled: boolean("two_factor_enabled").notNull().default(false),
    // The set of roles. Sign-up picks client or assistant; the other can be added later; admin is
    // granted only by `npm run admin:create`. The check keeps anything else out whatever the code does.
    roles: text("roles").array().notNull().default(sql`'{}'::text[]`),
    locale: text("locale").notNull().default("de"),
    timeZone: text("time_zone").notNull().default("Europe/Berlin"),
  },
  (t) => [
    check("user_roles_known", sql`${t.roles} <@ ARRAY['client','assistant','admin']::text[]`),
    check("user_roles_not_empty", sql`cardinality(${t.roles}) >= 1`),
    check("user_locale_known", sql`${t.locale} IN ('de','en')`),
  ],
);

export const session = pgTable(
  "session",
  {
    id: text("id").primaryKey(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    token: text("token").notNull().unique(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    ipAddress: text("ip_address"),
    userAgent: text("user_agent"),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
  },
  // Listing and revoking one user's sessions.
  (t) => [index("session_user_id_idx").on(t.userId)],
);

export const account = pgTable(
  "account",
  {
    id: text("id").primaryKey(),
    accountId: text("account_id").notNull(),
    providerId: text("provider_id").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    accessToken: text("access_token"),
    refreshToken: text("refresh_token"),
    idToken: text("id_token"),
    accessTokenExpiresAt: timestamp("access_token_expires_at", { withTimezone: true }),
    refreshTokenExpiresAt: timestamp("refresh_token_expires_at", { withTimezone: true }),
    scope: text("scope"),
    password: text("password"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // Every sign-in looks up the credential account of a user.
  (t) => [index("account_user_id_idx").on(t.userId)],
);

export const verification = pgTable(
  "verification",
  {
    id: text("id").primaryKey(),
    identifier: text("identifier").notNull(),
    value: text("value").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // Verification and reset tokens are looked up by identifier.
  (t) => [index("verification_identifier_idx").on(t.identifier)],
);

export const twoFactor = pgTable(
  "two_factor",
  {
    id: text("id").primaryKey(),
    secret: text("secret").notNull(),
    backupCodes: text("backup_codes").notNull(),
    userId: text("user_id")
      .notNull()
      .references(() => user.id, { onDelete: "cascade" }),
    verified: boolean("verified").default(true),
    failedVerificationCount: integer("failed_verification_count").default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
  },
  // The second sign-in step loads the secret by user.
  (t) => [index("two_factor_user_id_idx").on(t.userId)],
);

export const rateLimit = pgTable("rate_limit", {
  id: text("id").primaryKey(),
  // Unique: every request of a client reads its bucket by key.
  key: text("key").notNull().unique(),
  count: integer("count").notNull(),
  lastRequest: bigint("last_request", { mode: "number" }).notNull(),
});

// Consecutive failed sign-ins per account, keyed by the normalized e-mail (also for addresses
// without an account, which answer alike), in the database so every instance counts the same
// attempts. An attempt is counted before its password is checked and taken back if it succeeds or
// is never checked; src/server/auth/sign-in-throttle.ts holds the rules.
export const signInThrottle = pgTable(
  "sign_in_throttle",
  {
    email: text("email").primaryKey(),
    failures: integer("failures").notNull(),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }).notNull(),
  },
  // The nightly sweep deletes counts nobody added to for a day.
  (t) => [index("sign_in_throttle_last_attempt_at_idx").on(t.lastAttemptAt)],
);
