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

// 10 million in major units is far above any assistant's rate; it keeps sums inside int4.
export const AMOUNT_MAX_MINOR = 1_000_000_000;

/** Money is always integer minor units (cents) plus an ISO currency; never floats. */
export const amountMinorSchema = z
  .number({ message: "amount_invalid" })
  .int({ message: "amount_invalid" })
  .positive({ message: "amount_invalid" })
  .max(AMOUNT_MAX_MINOR, { message: "amount_too_large" });

/** A lower bound on amounts in a query string (`?minRateMinor=`): 0 up to the largest amount. */
export const amountQuerySchema = z.coerce
  .number({ message: "amount_invalid" })
  .int({ message: "amount_invalid" })
  .min(0, { message: "amount_invalid" })
  .max(AMOUNT_MAX_MINOR, { message: "amount_too_large" });

export const PRICING_MODELS = ["per_task", "hourly"] as const;
export const pricingModelSchema = z.enum(PRICING_MODELS, { message: "pricing_model_invalid" });
export type PricingModel = (typeof PRICING_MODELS)[number];

/**
 * The years a date or an instant from a client may fall in. Wide enough for any plan a contract
 * makes; narrow enough that adding a zone offset, a window or a recurrence never leaves what
 * JavaScript dates and PostgreSQL can represent (year 0000 is not a PostgreSQL date; 9999 plus a
 * day is no ISO date at all).
 */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2999;
const yearInRange = (value: string) => {
  const year = Number(value.slice(0, 4));
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR;
};

/** A calendar date (YYYY-MM-DD) between EARLIEST_YEAR and LATEST_YEAR. */
export const isoDateSchema = z.iso
  .date({ message: "date_invalid" })
  .refine(yearInRange, { message: "date_out_of_range" });

/** An instant with its UTC offset (ISO 8601), between EARLIEST_YEAR and LATEST_YEAR. */
export const instantSchema = z.iso.datetime({ offset: true, message: "datetime_invalid" }).refine(
  (value) => {
    const at = new Date(value);
    return yearInRange(value) && !Number.isNaN(at.getTime()) && yearInRange(at.toISOString());
  },
  { message: "date_out_of_range" },
);

/** The largest value of a PostgreSQL integer column: integer input stays at or below it. */
export const INT4_MAX = 2_147_483_647;

/** Opaque cursor of a list page; lists return `nextCursor` until the last page. */
export const cursorQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});

export function pageSchema<T extends z.ZodType>(item: T) {
  return z.object({ items: z.array(item), nextCursor: z.string().nullable() });
}

/** Free text that is stored and shown as text: HTML stays inert because it is never rendered as HTML. */
export const plainText = (max: number, options: { missing?: "required" } = {}) =>
  z
    .string(
      options.missing
        ? { error: (issue) => (issue.input === undefined ? options.missing : undefined) }
        : undefined,
    )
    .trim()
    .min(1, { message: "required" })
    .max(max, { message: "too_long" });
