import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";

/**
 * `(SELECT column FROM its table WHERE key = value)`: one fact of a row by its key, as a column
 * or condition of the caller's query, so a feature can offer a fact of its rows without handing
 * out its table and the caller's query stays one statement. The inner query is a fragment of its
 * own because Drizzle writes the top-level columns of a single-table select's field unqualified
 * ("id" = "job_id"), where the inner table would capture a name both tables have.
 */
export const lookup = <T>(column: AnyPgColumn, key: AnyPgColumn, value: AnyPgColumn | SQL): SQL<T> =>
  sql<T>`(${sql`SELECT ${column} FROM ${key.table} WHERE ${key} = ${value}`})`;
