import { advance } from "../../server/transitions.ts";
import { BID_MACHINE, type BidStatus, type BidTransition } from "./schema.ts";

export { type BidTransition, EDITABLE_BID_STATUSES } from "./schema.ts";

/** The status a bid moves to, or 409 `bid.illegal_transition`. */
export const nextBidStatus = (current: BidStatus, action: BidTransition): BidStatus =>
  advance(BID_MACHINE, "bid", current, action);
