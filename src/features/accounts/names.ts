import { inArray, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Tx } from "../../server/db/client.ts";
import { user } from "./tables.ts";

// Other features show people by name: they ask here instead of reading the user table.

/**
 * A user's display name as a column of the caller's query, by a scalar subquery on the primary
 * key: the query stays one statement and costs what a join would.
 */
export const userNameOf = (userId: AnyPgColumn | SQL): SQL<string> =>
  sql<string>`(SELECT ${user.name} FROM ${user} WHERE ${user.id} = ${userId})`;

/** The display names of a set of users, in one query. */
export async function userNames(tx: Tx, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await tx
    .select({ id: user.id, name: user.name })
    .from(user)
    .where(inArray(user.id, [...new Set(ids)]));
  return new Map(rows.map((r) => [r.id, r.name]));
}
