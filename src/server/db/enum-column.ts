import { type SQL, sql } from "drizzle-orm";
import { type AnyPgColumn, check, text } from "drizzle-orm/pg-core";

// A closed set of values (statuses, kinds, channels) is one `as const` list in the feature's
// schema.ts. The column's type and its check constraint are both made from that list here, so the
// table, the API schema and the state machine cannot drift apart.

type Values = readonly [string, ...string[]];

/** A text column typed as the list's union. */
export const enumText = <const V extends Values>(name: string, values: V) =>
  text(name, { enum: values as unknown as [V[number], ...V[number][]] });

/** `column IN ('a','b',...)` over the list; the values are the code's own constants, never input. */
function isOneOf(column: AnyPgColumn, values: readonly string[]): SQL {
  return sql`${column} IN (${sql.raw(values.map((v) => `'${v.replaceAll("'", "''")}'`).join(","))})`;
}

/** The check constraint `<name>` that keeps the column within the list. */
export const checkOneOf = (name: string, column: AnyPgColumn, values: readonly string[]) =>
  check(name, isOneOf(column, values));
