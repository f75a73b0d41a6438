import { z } from "zod";

// Contracts shared by several domains: the task taxonomy, money and cursor pagination.

/** The seed taxonomy of administrative work (blueprint §1); profiles, jobs and tasks use it. */
export const TASK_CATEGORIES = [
  "bookkeeping",
  "social_media",
  "blog_writing",
  "travel_planning",
  "scheduling",
  "data_entry",
  "file_management",
  "general_administration",
] as const;
export type TaskCategory = (typeof TASK_CATEGORIES)[number];
export const taskCategorySchema = z.enum(TASK_CATEGORIES, { message: "category_invalid" });

export const CURRENCIES = ["EUR", "USD", "GBP", "CHF"] as const;
export const currencySchema = z.enum(CURRENCIES, { message: "currency_invalid" });
export type Currency = (typeof CURRENCIES)[number];

/** Money is always integer minor units (cents) plus an ISO currency; never floats. */
export const amountMinorSchema = z
  .number({ message: "amount_invalid" })
  .int({ message: "amount_invalid" })
  .positive({ message: "amount_invalid" })
  // 10 million in major units is far above any assistant's rate; it keeps sums inside int4.
  .max(1_000_000_000, { message: "amount_too_large" });

export const PRICING_MODELS = ["per_task", "hourly"] as const;
export const pricingModelSchema = z.enum(PRICING_MODELS, { message: "pricing_model_invalid" });
export type PricingModel = (typeof PRICING_MODELS)[number];

export const isoDateSchema = z.iso.date({ message: "date_invalid" });

/** Opaque cursor of a list page; lists return `nextCursor` until the last page. */
export const cursorQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** Free text that is stored and shown as text: HTML stays inert because it is never rendered as HTML. */
export const plainText = (max: number) =>
  z.string().trim().min(1, { message: "required" }).max(max, { message: "too_long" });
