import type { SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { lookup } from "../../server/db/lookup.ts";
import type { BidStatus } from "./schema.ts";
import { bid } from "./tables.ts";

// Facts about a bid that other features use inside their own queries (scalar subqueries on the
// primary key, so the caller's query stays one statement).

/** The job a bid is on, as a column of the caller's query (compose with jobs/reads.ts). */
export const bidJobOf = (bidId: AnyPgColumn | SQL) => lookup<string>(bid.jobId, bid.id, bidId);

/** A bid's status, as a column of the caller's query (null when the id is null). */
export const bidStatusOf = (bidId: AnyPgColumn | SQL) => lookup<BidStatus | null>(bid.status, bid.id, bidId);
