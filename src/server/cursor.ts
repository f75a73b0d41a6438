import { and, eq, gt, gte, lt, lte, or, type SQL, type SQLWrapper, sql } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { AppError } from "./errors.ts";

// Keyset pagination: a cursor is the (timestamp, id) of the last row seen, opaque to clients.
export function encodeCursor(at: Date, id: string): string {
  return Buffer.from(`${at.toISOString()}|${id}`).toString("base64url");
}

export function decodeCursor(cursor: string): { at: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const at = new Date(iso ?? "");
  if (!id || Number.isNaN(at.getTime())) {
    throw new AppError("validation_failed", {
      errors: [{ field: "cursor", code: "cursor_invalid", message: "Invalid cursor" }],
    });
  }
  return { at, id };
}

/**
 * The condition "after the cursor" for a list ordered newest first by (at, id). The leading
 * `at <= cursor` says nothing new, but PostgreSQL can start an index scan there: without it the
 * OR is only a filter and page k reads the k − 1 pages before it again.
 */
export function olderThan(cursor: string | undefined, at: SQLWrapper, id: PgColumn): SQL | undefined {
  if (!cursor) return undefined;
  const c = decodeCursor(cursor);
  return and(lte(at, c.at), or(lt(at, c.at), and(eq(at, c.at), lt(id, c.id))));
}

/**
 * `olderThan` for a prepared query (db/prepared.ts): the cursor's values come as the placeholders
 * `cursorAt` (ISO time) and `cursorId`, which `cursorValues` fills.
 */
export function olderThanPlaceholders(at: SQLWrapper, id: PgColumn): SQL | undefined {
  const c = { at: sql.placeholder("cursorAt"), id: sql.placeholder("cursorId") };
  return and(lte(at, c.at), or(lt(at, c.at), and(eq(at, c.at), lt(id, c.id))));
}

/** The placeholders' values for a cursor (none: a first page). */
export function cursorValues(cursor: string | undefined) {
  if (!cursor) return {};
  const c = decodeCursor(cursor);
  return { cursorAt: c.at.toISOString(), cursorId: c.id };
}

/** The condition "after the cursor" for a list ordered soonest first by (at, id) (bound as above). */
export function laterThan(cursor: string | undefined, at: SQLWrapper, id: PgColumn): SQL | undefined {
  if (!cursor) return undefined;
  const c = decodeCursor(cursor);
  return and(gte(at, c.at), or(gt(at, c.at), and(eq(at, c.at), gt(id, c.id))));
}

/** Cuts the extra row a query fetched (limit + 1) and makes the next cursor from the last kept row. */
export function pageOf<T>(rows: T[], limit: number, key: (row: T) => { at: Date | null; id: string }) {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const k = last ? key(last) : undefined;
  return { items, nextCursor: rows.length > limit && k?.at ? encodeCursor(k.at, k.id) : null };
}
