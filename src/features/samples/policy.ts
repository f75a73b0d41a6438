import { and, eq } from "drizzle-orm";
import type { Actor } from "../../server/auth/actor.ts";
import type { Db } from "../../server/db/client.ts";
import { bid } from "../bids/tables.ts";
import { job } from "../jobs/tables.ts";
import { bidSample } from "./tables.ts";

/**
 * Who may see a sample: its owner; anyone when public; and the client of any job it was attached
 * to in a bid. Everyone else is told it does not exist.
 */
export async function canViewSample(
  db: Db,
  actor: Actor | null,
  sample: { id: string; ownerId: string; visibility: string },
): Promise<boolean> {
  if (sample.visibility === "public" || actor?.userId === sample.ownerId) return true;
  if (!actor) return false;
  const [row] = await db
    .select({ bidId: bidSample.bidId })
    .from(bidSample)
    .innerJoin(bid, eq(bid.id, bidSample.bidId))
    .innerJoin(job, eq(job.id, bid.jobId))
    .where(and(eq(bidSample.sampleId, sample.id), eq(job.clientId, actor.userId)))
    .limit(1);
  return Boolean(row);
}
