import { z } from "zod";
import { timeZoneSchema } from "../accounts/schema.ts";
import { amountMinorSchema, currencySchema, taskCategorySchema } from "../common/schema.ts";

export const LANGUAGE_LEVELS = ["basic", "conversational", "fluent", "native"] as const;
export const AVAILABILITY = ["available", "limited", "unavailable"] as const;
export const WEEKDAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

export const clockTimeSchema = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { message: "time_invalid" });
/** "24:00" ends a day, so a night shift can go on after midnight in a second entry. */
export const endTimeSchema = z
  .string()
  .regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/, { message: "time_invalid" });

/** Working hours per weekday in the person's own time zone; a day without entries is off. */
export const weeklyHoursSchema = z
  .array(z.strictObject({ day: z.enum(WEEKDAYS), from: clockTimeSchema, to: endTimeSchema }))
  .max(21)
  .refine((slots) => slots.every((s) => s.from < s.to), { message: "time_range_invalid" });

export type WeeklySlot = z.infer<typeof weeklyHoursSchema>[number];

export const assistantProfileInputSchema = z.strictObject({
  headline: z.string().trim().min(1, { message: "required" }).max(140),
  /** Markdown; the web app renders it without raw HTML, so it can never inject markup. */
  bio: z.string().trim().max(10_000).default(""),
  yearsExperience: z.number().int().min(0).max(60),
  skills: z.array(taskCategorySchema).max(8).default([]),
  tags: z.array(z.string().trim().min(1).max(40)).max(20).default([]),
  languages: z
    .array(
      z.strictObject({
        code: z.string().regex(/^[a-z]{2}$/, { message: "language_invalid" }),
        level: z.enum(LANGUAGE_LEVELS),
      }),
    )
    .max(10)
    .default([]),
  hourlyRateMinor: amountMinorSchema.nullable().default(null),
  priceList: z
    .array(z.strictObject({ category: taskCategorySchema, priceMinor: amountMinorSchema }))
    .max(8)
    .default([]),
  currency: currencySchema.default("EUR"),
  timeZone: timeZoneSchema,
  weeklyHours: weeklyHoursSchema.default([]),
  availability: z.enum(AVAILABILITY).default("available"),
});
export type AssistantProfileInput = z.infer<typeof assistantProfileInputSchema>;

/** What anyone may see of an assistant: no e-mail, no private data. */
export const publicAssistantProfileSchema = assistantProfileInputSchema.extend({
  userId: z.string(),
  name: z.string(),
  /** The photo is at /assistants/{userId}/photo. */
  hasPhoto: z.boolean(),
  updatedAt: z.string(),
});
/** 5 MB: a phone photo fits; the server keeps only a 512 px square. */
export const MAX_PHOTO_BYTES = 5 * 1024 * 1024;
export type PublicAssistantProfile = z.infer<typeof publicAssistantProfileSchema>;

/** EU VAT ids: two-letter country prefix and 2–12 letters or digits (checked again per country below). */
const VAT_FORMATS: Record<string, RegExp> = {
  DE: /^DE\d{9}$/,
  AT: /^ATU\d{8}$/,
  FR: /^FR[0-9A-Z]{2}\d{9}$/,
  NL: /^NL\d{9}B\d{2}$/,
  IT: /^IT\d{11}$/,
  ES: /^ES[0-9A-Z]\d{7}[0-9A-Z]$/,
};
export function isVatIdFormat(value: string): boolean {
  const v = value.replace(/[\s.-]/g, "").toUpperCase();
  const specific = VAT_FORMATS[v.slice(0, 2)];
  return specific ? specific.test(v) : /^[A-Z]{2}[0-9A-Z]{2,12}$/.test(v);
}

export const clientProfileInputSchema = z.strictObject({
  displayName: z.string().trim().min(1, { message: "required" }).max(140),
  country: z.string().regex(/^[A-Z]{2}$/, { message: "country_invalid" }),
  timeZone: timeZoneSchema,
  billingAddress: z.strictObject({
    line1: z.string().trim().min(1, { message: "required" }).max(200),
    line2: z.string().trim().max(200).default(""),
    postalCode: z.string().trim().min(1, { message: "required" }).max(20),
    city: z.string().trim().min(1, { message: "required" }).max(100),
  }),
  vatId: z
    .string()
    .trim()
    .max(20)
    .refine((v) => v === "" || isVatIdFormat(v), { message: "vat_id_invalid" })
    .transform((v) => v.replace(/[\s.-]/g, "").toUpperCase())
    .nullable()
    .default(null),
});
export type ClientProfileInput = z.infer<typeof clientProfileInputSchema>;
/** Output shape (no input transforms, so it also serializes and documents cleanly). */
export const clientProfileSchema = z.object({
  userId: z.string(),
  displayName: z.string(),
  country: z.string(),
  timeZone: z.string(),
  billingAddress: z.object({
    line1: z.string(),
    line2: z.string(),
    postalCode: z.string(),
    city: z.string(),
  }),
  vatId: z.string().nullable(),
  updatedAt: z.string(),
});
