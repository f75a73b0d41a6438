import { and, eq } from "drizzle-orm";
import type { Actor } from "../../server/auth/actor.ts";
import type { Db } from "../../server/db/client.ts";
import { bidJobOf } from "../bids/reads.ts";
import { jobClientOf } from "../jobs/reads.ts";
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
    .where(and(eq(bidSample.sampleId, sample.id), eq(jobClientOf(bidJobOf(bidSample.bidId)), actor.userId)))
    .limit(1);
  return Boolean(row);
}
