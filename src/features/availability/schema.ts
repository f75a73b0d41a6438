import { z } from "zod";
import { availabilitySchema } from "../calendar/schema.ts";

export { type Availability, availabilitySchema } from "../calendar/schema.ts";

/** One's availability as shown and edited; `isDefault` until the user saves their own. */
export const availabilityViewSchema = availabilitySchema.extend({ isDefault: z.boolean() });
export type AvailabilityView = z.infer<typeof availabilityViewSchema>;

export const IMPORT_KINDS = ["url", "file"] as const;
/** Enough for work, personal and a shared team calendar, with room to spare. */
export const MAX_IMPORTS = 10;

export const importUrlInputSchema = z.strictObject({
  name: z.string().trim().min(1, { message: "required" }).max(100),
  // webcal:// is how calendar apps hand out subscription links; it is https underneath.
  url: z
    .string()
    .trim()
    .max(2_000)
    .refine((u) => /^(https?|webcal):\/\//i.test(u) && URL.canParse(u), { message: "url_invalid" }),
});
export type ImportUrlInput = z.infer<typeof importUrlInputSchema>;

export const calendarImportSchema = z.object({
  id: z.uuid(),
  kind: z.enum(IMPORT_KINDS),
  name: z.string(),
  /** Only the host: subscription links carry secrets. */
  host: z.string().nullable(),
  lastSyncedAt: z.iso.datetime().nullable(),
  /** e.g. "ics_url.timeout", "ics.malformed"; null after a successful sync. */
  lastError: z.string().nullable(),
  /** A subscription refused for a bound (too large or too complex): not fetched again until synced by hand. */
  syncPaused: z.boolean(),
  busyCount: z.number().int(),
});
export type CalendarImport = z.infer<typeof calendarImportSchema>;

export const calendarFeedSchema = z.object({
  id: z.uuid(),
  /** Null: all of one's interviews and contract events. */
  contractId: z.uuid().nullable(),
  url: z.string(),
  /** The same link for calendar apps (webcal://). */
  webcalUrl: z.string(),
  createdAt: z.iso.datetime(),
});
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;
export const createFeedSchema = z.strictObject({ contractId: z.uuid().nullable().default(null) });
