import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { bid } from "./tables.ts";

// Facts about a bid that other features use inside their own queries: each a scalar subquery on
// the primary key, so the caller's query stays one statement.

/** The job a bid is on, as a column of the caller's query (compose with jobs/reads.ts). */
export const bidJobOf = (bidId: AnyPgColumn | SQL): SQL<string> =>
  sql<string>`(SELECT ${bid.jobId} FROM ${bid} WHERE ${bid.id} = ${bidId})`;
