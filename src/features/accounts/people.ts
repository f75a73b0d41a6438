import { eq, inArray, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Tx } from "../../server/db/client.ts";
import { lookup } from "../../server/db/lookup.ts";
import type { Role } from "./schema.ts";
import { user } from "./tables.ts";

// How other features see a user — name, zone, mail address and language, roles — asked here
// instead of reading the user table, whose shape is Better Auth's.

/**
 * A user's display name as a column of the caller's query, by a scalar subquery on the primary
 * key: the query stays one statement and costs what a join would.
 */
export const userNameOf = (userId: AnyPgColumn | SQL) => lookup<string>(user.name, user.id, userId);

/** One user's display name ("" for an id no longer there), e.g. the actor's for a notice. */
export async function userName(tx: Tx, id: string): Promise<string> {
  const [row] = await tx.select({ name: user.name }).from(user).where(eq(user.id, id));
  return row?.name ?? "";
}

/** The display names of a set of users, in one query. */
export async function userNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await tx
    .select({ id: user.id, name: user.name })
    .from(user)
    .where(inArray(user.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The names and time zones of a set of users, in one query (calendars show both). */
export async function namesAndZones(
  tx: Tx,
  ids: readonly string[],
): Promise<Map<string, { id: string; name: string; timeZone: string }>> {
  if (!ids.length) return new Map();
  const rows = await tx
    .select({ id: user.id, name: user.name, timeZone: user.timeZone })
    .from(user)
    .where(inArray(user.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r]));
}

/** What a mail to a user needs: name, address, language and account zone, for a set in one query. */
export async function mailContacts(tx: Tx, ids: readonly string[]) {
  if (!ids.length) return new Map<string, MailContact>();
  const rows = await tx
    .select({ id: user.id, name: user.name, email: user.email, locale: user.locale, timeZone: user.timeZone })
    .from(user)
    .where(inArray(user.id, [...new Set(ids)]));
  return new Map<string, MailContact>(rows.map((r) => [r.id, r]));
}
export interface MailContact {
  id: string;
  name: string;
  email: string;
  locale: string;
  timeZone: string;
}

/** Whether a user exists and holds a role (an invitation goes to assistants only). */
export async function hasRole(tx: Tx, userId: string, role: Role): Promise<boolean> {
  const [row] = await tx.select({ roles: user.roles }).from(user).where(eq(user.id, userId));
  return Boolean(row?.roles.includes(role));
}

/** A user's account time zone as a column of the caller's query (null for an unknown id). */
export const userTimeZoneOf = (userId: AnyPgColumn | SQL) =>
  lookup<string | null>(user.timeZone, user.id, userId);

/**
 * A user's mail address and language as a subquery for raw SQL to join LATERAL (`CROSS JOIN
 * LATERAL ${mailAddressOf(sql`i.user_id`)} AS u` gives u.email and u.locale); an unknown id joins
 * no row, as an inner join would.
 */
export const mailAddressOf = (userId: SQL): SQL =>
  sql`(${sql`SELECT ${user.email} AS email, ${user.locale} AS locale FROM ${user} WHERE ${user.id} = ${userId}`})`;

/** A user's mail address, language and zone as columns of the caller's query (a mail sweep's). */
export const mailFieldsOf = (userId: AnyPgColumn | SQL) => ({
  email: lookup<string>(user.email, user.id, userId),
  locale: lookup<string>(user.locale, user.id, userId),
  timeZone: lookup<string>(user.timeZone, user.id, userId),
});
