import { and, eq, inArray, ne, notInArray } from "drizzle-orm";
import type { Tx } from "../../server/db/client.ts";
import { AppError } from "../../server/errors.ts";
import { BID_MACHINE, type BidTransition } from "./schema.ts";
import { bid } from "./tables.ts";

// What an offer does to its bid. The contracts feature makes and answers offers; the bid's status
// moves only here, through BID_MACHINE, in the caller's transaction.

/**
 * Moves the bids the action may start from; the guard is the machine's own `from` list, so the
 * statement both checks and writes and a bid changed meanwhile is simply not among the rows.
 */
async function advanceBids(tx: Tx, bidIds: readonly string[], action: BidTransition): Promise<number> {
  if (!bidIds.length) return 0;
  const { from, to } = BID_MACHINE.transitions[action];
  const moved = await tx
    .update(bid)
    .set({ status: to, updatedAt: new Date() })
    .where(and(inArray(bid.id, [...bidIds]), inArray(bid.status, [...from])))
    .returning({ id: bid.id });
  return moved.length;
}

async function advanceBid(tx: Tx, bidId: string, action: BidTransition) {
  if (!(await advanceBids(tx, [bidId], action))) {
    throw new AppError("conflict", {
      reason: "bid.illegal_transition",
      detail: `This bid cannot ${action} in its current status.`,
    });
  }
}

/** The client made an offer on the bid (from submitted, shortlisted or an earlier decline). */
export const markBidOffered = (tx: Tx, bidId: string) => advanceBid(tx, bidId, "offer");
/** The assistant accepted the offer on the bid. */
export const markBidHired = (tx: Tx, bidId: string) => advanceBid(tx, bidId, "hire");
/** The assistant declined the offer on the bid. */
export const markBidDeclined = (tx: Tx, bidId: string) => advanceBid(tx, bidId, "decline");

/** The job filled through another hire: bids whose offers lapsed go back to the shortlist. */
export const returnBidsToShortlist = (tx: Tx, bidIds: readonly string[]) =>
  advanceBids(tx, bidIds, "retract");

/** The assistants still in the running for a job apart from the bid just hired (they hear it filled). */
export async function rivalBidders(tx: Tx, jobId: string, hiredBidId: string): Promise<string[]> {
  const rows = await tx
    .select({ assistantId: bid.assistantId })
    .from(bid)
    .where(
      and(
        eq(bid.jobId, jobId),
        ne(bid.id, hiredBidId),
        notInArray(bid.status, ["withdrawn", "rejected", "hired"]),
      ),
    );
  return rows.map((r) => r.assistantId);
}
