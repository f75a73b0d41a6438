import { and, eq, notInArray, type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Tx } from "../../server/db/client.ts";
import { lookup } from "../../server/db/lookup.ts";
import type { BidStatus } from "./schema.ts";
import { bid } from "./tables.ts";

// Facts about a bid that other features use inside their own queries (scalar subqueries on the
// primary key, so the caller's query stays one statement).

/** The job a bid is on, as a column of the caller's query (compose with jobs/reads.ts). */
export const bidJobOf = (bidId: AnyPgColumn | SQL) => lookup<string>(bid.jobId, bid.id, bidId);

/** A bid's status, as a column of the caller's query (null when the id is null). */
export const bidStatusOf = (bidId: AnyPgColumn | SQL) => lookup<BidStatus | null>(bid.status, bid.id, bidId);

/**
 * A job's bids not withdrawn, as a column of the caller's query (bid_job_created_idx). Nested as
 * lookup() is, so Drizzle qualifies the columns.
 */
export const bidCountOf = (jobId: AnyPgColumn | SQL) =>
  sql<number>`(${sql`SELECT count(*)::int FROM ${bid} WHERE ${bid.jobId} = ${jobId} AND ${bid.status} <> 'withdrawn'`})`;

/** The assistants whose bids on a job are still live (not withdrawn or rejected). */
export async function activeBidders(tx: Tx, jobId: string): Promise<string[]> {
  const rows = await tx
    .selectDistinct({ assistantId: bid.assistantId })
    .from(bid)
    .where(and(eq(bid.jobId, jobId), notInArray(bid.status, ["withdrawn", "rejected"])));
  return rows.map((r) => r.assistantId);
}
