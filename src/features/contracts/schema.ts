import { z } from "zod";
import {
  amountMinorSchema,
  isoDateSchema,
  PRICING_MODELS,
  pageSchema,
  plainText,
  pricingModelSchema,
} from "../common/schema.ts";
import { stateMachine, type Transition } from "../common/state-machine.ts";

export const OFFER_STATUSES = ["pending", "accepted", "declined", "withdrawn"] as const;
export type OfferStatus = (typeof OFFER_STATUSES)[number];
/** An offer is answered once: the assistant accepts or declines it, or the system withdraws it. */
export const OFFER_MACHINE = stateMachine(OFFER_STATUSES, {
  accept: { from: ["pending"], to: "accepted" },
  decline: { from: ["pending"], to: "declined" },
  // The job filled through another hire before this offer was answered.
  withdraw: { from: ["pending"], to: "withdrawn" },
});

// The contract's lifecycle as data: the server's gate enforces it (gate.ts), the workspace derives
// its buttons from it. Either party may pause, resume or end; an ended contract stays ended.
export const CONTRACT_STATUSES = ["active", "paused", "ended"] as const;
export type ContractStatus = (typeof CONTRACT_STATUSES)[number];
export const CONTRACT_SIDES = ["client", "assistant"] as const;
export type ContractSide = (typeof CONTRACT_SIDES)[number];
export const CONTRACT_ACTIONS = ["pause", "resume", "end"] as const;
export type ContractAction = (typeof CONTRACT_ACTIONS)[number];

/** active ⇄ paused → ended; anything else is 409 `contract.illegal_transition`. */
export const CONTRACT_MACHINE = stateMachine(CONTRACT_STATUSES, {
  pause: { from: ["active"], to: "paused" },
  resume: { from: ["paused"], to: "active" },
  end: { from: ["active", "paused"], to: "ended" },
} satisfies Record<ContractAction, Transition<ContractStatus>>);

/** Pausing and ending say why: the other party is told, and the history keeps it. */
export const ACTIONS_NEEDING_REASON: readonly ContractAction[] = ["pause", "end"];

/**
 * What a party may do within a contract. Each contract-scoped domain names its needs here and
 * asks the gate for a scope with one of them. Messages stay open after the end, so the two can
 * settle what is left; reading and downloading stay open for good.
 */
export const CONTRACT_NEEDS = ["read", "download", "message", "write:event", "call"] as const;
export type ContractNeed = (typeof CONTRACT_NEEDS)[number];
export const CONTRACT_CAN: Record<ContractStatus, readonly ContractNeed[]> = {
  active: CONTRACT_NEEDS,
  paused: ["read", "download", "message"],
  ended: ["read", "download", "message"],
};

export const contractAllows = (status: ContractStatus, need: ContractNeed) =>
  CONTRACT_CAN[status].includes(need);

/** The actions open from a status, in table order. */
export const contractActionsFrom = (status: ContractStatus): ContractAction[] =>
  CONTRACT_MACHINE.actionsFrom(status);

/** The stable reason of a 409 for a need the status refuses: `contract.paused`, `contract.ended`. */
export const refusalReason = (status: ContractStatus) => `contract.${status}`;

export const CONTRACT_REASON_MAX = 1_000;
/** Why a party pauses or ends: plain text, shown as written; missing or blank is `required`. */
const reasonSchema = plainText(CONTRACT_REASON_MAX, { missing: "required" });
/** Resume: a reason may be given. */
export const contractTransitionSchema = z.strictObject({ reason: reasonSchema.optional() });
export type ContractTransitionInput = z.infer<typeof contractTransitionSchema>;
/** The body of an action, for the route and the reason dialog alike: the reason required where needed. */
export const transitionFormSchema = (action: ContractAction) =>
  ACTIONS_NEEDING_REASON.includes(action)
    ? z.strictObject({ reason: reasonSchema })
    : contractTransitionSchema;

export const createOfferSchema = z
  .strictObject({
    pricingModel: pricingModelSchema,
    rateMinor: amountMinorSchema,
    /** Hourly contracts only: the most hours per week the client will pay for. */
    weeklyHourCap: z.number().int().min(1).max(80).nullable().default(null),
    startDate: isoDateSchema,
    message: z.string().trim().max(5_000).default(""),
    /** The client's explicit choice to offer more than the job's posted maximum. */
    exceedMaximum: z.boolean().default(false),
  })
  .refine((o) => o.pricingModel !== "hourly" || o.weeklyHourCap !== null, {
    path: ["weeklyHourCap"],
    message: "required",
  });
export type CreateOfferInput = z.infer<typeof createOfferSchema>;

export const offerSchema = z.object({
  id: z.uuid(),
  bidId: z.uuid(),
  jobId: z.uuid(),
  pricingModel: z.enum(PRICING_MODELS),
  rateMinor: z.number().int(),
  currency: z.string(),
  weeklyHourCap: z.number().int().nullable(),
  startDate: z.string(),
  message: z.string(),
  status: z.enum(OFFER_STATUSES),
  createdAt: z.string(),
});
export type Offer = z.infer<typeof offerSchema>;
/** An offer as its page shows it: with who sent it, so the assistant knows whose terms these are. */
export const offerDetailSchema = offerSchema.extend({
  sender: z.object({
    userId: z.string(),
    name: z.string(),
    /** The name on the client's profile (their company), when they filled one in and it differs. */
    company: z.string().nullable(),
    /** Whose public profile to link to (/assistants/{userId}), when the sender has one; else null. */
    profileUserId: z.string().nullable(),
  }),
});
export type OfferDetail = z.infer<typeof offerDetailSchema>;

export const offerResponseSchema = z.strictObject({ decision: z.enum(["accept", "decline"]) });

export const contractSchema = z.object({
  id: z.uuid(),
  jobId: z.uuid(),
  jobTitle: z.string(),
  clientId: z.string(),
  clientName: z.string(),
  assistantId: z.string(),
  assistantName: z.string(),
  pricingModel: z.enum(PRICING_MODELS),
  rateMinor: z.number().int(),
  currency: z.string(),
  weeklyHourCap: z.number().int().nullable(),
  startDate: z.string(),
  status: z.enum(CONTRACT_STATUSES),
  createdAt: z.string(),
});
export type Contract = z.infer<typeof contractSchema>;
/** A contract in the list: with the assistant's photo, so each row shows whom it is with at a glance. */
export const contractListItemSchema = contractSchema.extend({
  /** The assistant's profile photo, else null (clients have none to show). */
  assistantPhotoUrl: z.string().nullable(),
});
export type ContractListItem = z.infer<typeof contractListItemSchema>;

/** One change of a contract's status: who, from what to what, why, when. */
export const contractChangeSchema = z.object({
  id: z.uuid(),
  actorId: z.string(),
  actorName: z.string(),
  action: z.enum(CONTRACT_ACTIONS),
  from: z.enum(CONTRACT_STATUSES),
  to: z.enum(CONTRACT_STATUSES),
  reason: z.string().nullable(),
  at: z.string(),
});
export type ContractChange = z.infer<typeof contractChangeSchema>;
export const contractHistorySchema = pageSchema(contractChangeSchema);

/**
 * Something in the contract that wants the reader's attention. Each domain adds its kind here and
 * a source that finds them (contracts/overview.ts); the workspace shows each kind its own way.
 */
export const attentionItemSchema = z.discriminatedUnion("kind", [
  /** The other party rang the contract's call a moment ago and the reader has not answered. */
  z.object({ kind: z.literal("call.pending"), callerName: z.string(), at: z.string() }),
  /** The next appointment in the contract's calendar. */
  z.object({
    kind: z.literal("event.next"),
    eventId: z.uuid(),
    title: z.string(),
    startsAt: z.string(),
    endsAt: z.string(),
    allDay: z.boolean(),
    timeZone: z.string(),
  }),
  /** Messages in the contract's thread the reader has not read. */
  z.object({ kind: z.literal("messages.unread"), threadId: z.uuid(), count: z.number().int() }),
]);
export type AttentionItem = z.infer<typeof attentionItemSchema>;

/** The workspace's overview: the other party, the job, the terms, the status and what needs attention. */
export const contractOverviewSchema = z.object({
  contract: contractSchema,
  side: z.enum(CONTRACT_SIDES),
  otherParty: z.object({
    userId: z.string(),
    name: z.string(),
    side: z.enum(CONTRACT_SIDES),
    /** Their profile photo (assistants with one), else null. */
    photoUrl: z.string().nullable(),
    /** Whose public profile to link to (/assistants/{userId}); clients have none. */
    profileUserId: z.string().nullable(),
  }),
  attention: z.array(attentionItemSchema),
  /** The newest changes; the rest through /contracts/{id}/history. */
  history: contractHistorySchema,
});
export type ContractOverview = z.infer<typeof contractOverviewSchema>;

/**
 * The notices this feature sends (the list of every type: common/shared-schema.ts): a contract
 * offer's arrival and answer, a contract call started by the other party (contracts/call.ts), and
 * the other party pausing, resuming or ending the contract with their reason (lifecycle.ts).
 */
export const CONTRACT_NOTICES = [
  "offer.received",
  "offer.accepted",
  "offer.declined",
  "call.started",
  "contract.paused",
  "contract.resumed",
  "contract.ended",
] as const;
