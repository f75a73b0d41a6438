import { z } from "zod";
import { amountMinorSchema, isoDateSchema, plainText } from "../common/schema.ts";
import { stateMachine } from "../common/state-machine.ts";

export const BID_STATUSES = [
  "submitted",
  "shortlisted",
  "rejected",
  "withdrawn",
  "offered",
  "hired",
  "declined",
] as const;
export type BidStatus = (typeof BID_STATUSES)[number];

/** The bid lifecycle: submitted → shortlisted / rejected / withdrawn → offered → hired / declined. */
export const BID_MACHINE = stateMachine(BID_STATUSES, {
  shortlist: { from: ["submitted"], to: "shortlisted" },
  reject: { from: ["submitted", "shortlisted"], to: "rejected" },
  withdraw: { from: ["submitted", "shortlisted"], to: "withdrawn" },
  offer: { from: ["submitted", "shortlisted", "declined"], to: "offered" },
  hire: { from: ["offered"], to: "hired" },
  decline: { from: ["offered"], to: "declined" },
  // An offer lapses when the job fills through another hire: the bid goes back to the shortlist.
  retract: { from: ["offered"], to: "shortlisted" },
});
export type BidTransition = keyof typeof BID_MACHINE.transitions;
/** An assistant may edit a bid only until the client has acted on it. */
export const EDITABLE_BID_STATUSES: readonly BidStatus[] = ["submitted"];
/** Interviews are for bids still under consideration (interviews/service.ts). */
export const INTERVIEWABLE_BID_STATUSES: readonly BidStatus[] = ["submitted", "shortlisted"];

const bidFields = {
  /** Per hour or per task as the job says, in the job's currency; never above the job's maximum. */
  rateMinor: amountMinorSchema,
  coverLetter: plainText(5_000),
  /** One answer per screening question, in the job's order. */
  answers: z.array(plainText(2_000)).max(5),
  earliestStart: isoDateSchema,
};

export const createBidSchema = z.strictObject({
  ...bidFields,
  answers: bidFields.answers.default([]),
  /** Work samples from one's portfolio (upload new ones to /samples first). */
  sampleIds: z
    .array(z.uuid({ message: "id_invalid" }))
    .max(10)
    .default([]),
});
export type CreateBidInput = z.infer<typeof createBidSchema>;

/** Only the fields sent change (no defaults here); `sampleIds`, when sent, replaces the attached samples. */
export const updateBidSchema = z
  .strictObject({ ...bidFields, sampleIds: z.array(z.uuid({ message: "id_invalid" })).max(10) })
  .partial();
export type UpdateBidInput = z.infer<typeof updateBidSchema>;

export const BID_ACTIONS = ["shortlist", "reject", "withdraw"] as const;
export type BidAction = (typeof BID_ACTIONS)[number];
export const bidActionSchema = z.strictObject({
  action: z.enum(BID_ACTIONS),
  /** Optional note to the assistant when rejecting. */
  message: z.string().trim().max(2_000).optional(),
});

/** experience: the assistant's years in office work; overlap: their working hours against the job's window. */
export const BID_SORTS = ["rate", "submitted", "experience", "overlap"] as const;
export type BidSort = (typeof BID_SORTS)[number];
export const bidListQuerySchema = z.object({
  sort: z.enum(BID_SORTS).default("submitted"),
  order: z.enum(["asc", "desc"]).default("asc"),
  status: z.enum(BID_STATUSES).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const bidSchema = z.object({
  id: z.uuid(),
  jobId: z.uuid(),
  assistantId: z.string(),
  assistantName: z.string().optional(),
  rateMinor: z.number().int(),
  currency: z.string(),
  coverLetter: z.string(),
  answers: z.array(z.string()),
  earliestStart: z.string(),
  status: z.enum(BID_STATUSES),
  sampleIds: z.array(z.uuid()),
  /** Present in an assistant's own list, which spans jobs. */
  jobTitle: z.string().optional(),
  rejectionMessage: z.string().nullable(),
  /** Minutes per working day the assistant's hours overlap the job's wanted window (null: unknown). */
  overlapMinutes: z.number().int().nullable(),
  /** From the assistant's profile, in the client's list of a job's bids (null: no profile yet). */
  yearsExperience: z.number().int().nullable().optional(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Bid = z.infer<typeof bidSchema>;

/** The notices this feature sends (the list of every type: common/shared-schema.ts). */
export const BID_NOTICES = ["bid.received", "bid.shortlisted", "bid.rejected"] as const;
