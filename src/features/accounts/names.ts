import { eq, inArray, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Tx } from "../../server/db/client.ts";
import { lookup } from "../../server/db/lookup.ts";
import { user } from "./tables.ts";

// Other features show people by name: they ask here instead of reading the user table.

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
