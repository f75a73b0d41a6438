import { z } from "zod";
import { amountMinorSchema, isoDateSchema, PRICING_MODELS, pricingModelSchema } from "../common/schema.ts";

export const OFFER_STATUSES = ["pending", "accepted", "declined", "withdrawn"] as const;
export const CONTRACT_STATUSES = ["active", "ended"] as const;

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
