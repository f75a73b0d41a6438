import { AppError } from "../../server/errors.ts";
import type { BidStatus } from "./schema.ts";

export type BidTransition = "shortlist" | "reject" | "withdraw" | "offer" | "hire" | "decline" | "retract";

/** The bid lifecycle: submitted → shortlisted / rejected / withdrawn → offered → hired / declined. */
export const BID_TRANSITIONS: Record<BidTransition, { from: readonly BidStatus[]; to: BidStatus }> = {
  shortlist: { from: ["submitted"], to: "shortlisted" },
  reject: { from: ["submitted", "shortlisted"], to: "rejected" },
  withdraw: { from: ["submitted", "shortlisted"], to: "withdrawn" },
  offer: { from: ["submitted", "shortlisted", "declined"], to: "offered" },
  hire: { from: ["offered"], to: "hired" },
  decline: { from: ["offered"], to: "declined" },
  // An offer lapses when the job fills through another hire: the bid goes back to the shortlist.
  retract: { from: ["offered"], to: "shortlisted" },
};

export function nextBidStatus(current: BidStatus, action: BidTransition): BidStatus {
  const rule = BID_TRANSITIONS[action];
  if (!rule.from.includes(current)) {
    throw new AppError("conflict", {
      reason: "bid.illegal_transition",
      detail: `A ${current} bid cannot ${action}.`,
    });
  }
  return rule.to;
}

/** An assistant may edit a bid only until the client has acted on it. */
export const EDITABLE_BID_STATUSES: readonly BidStatus[] = ["submitted"];
