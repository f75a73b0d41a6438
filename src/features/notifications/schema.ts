import { z } from "zod";

// Every type, from the features that send them (common/shared-schema.ts).
import { NOTIFICATION_TYPES, type NotificationType } from "../common/shared-schema.ts";

export { NOTIFICATION_TYPES, type NotificationType };

/**
 * How a user wants one type of notification: `email` in-app and by mail at once (the default),
 * `digest` in-app and in one summary mail a day, `in_app` in-app only, `off` not at all.
 */
export const DELIVERY_CHANNELS = ["email", "digest", "in_app", "off"] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
export const DEFAULT_CHANNEL: DeliveryChannel = "email";

export const preferenceSchema = z.strictObject({
  type: z.enum(NOTIFICATION_TYPES),
  channel: z.enum(DELIVERY_CHANNELS),
});
export const preferencesSchema = z.array(preferenceSchema);
/** Only the types sent change; the others keep their setting. */
export const updatePreferencesSchema = z.strictObject({
  preferences: z.array(preferenceSchema).min(1).max(NOTIFICATION_TYPES.length),
});

export const notificationSchema = z.object({
  id: z.uuid(),
  type: z.enum(NOTIFICATION_TYPES),
  /** Ids and short texts the web app needs to render and link the notification in the reader's language. */
  data: z.record(z.string(), z.union([z.string(), z.number(), z.null()])),
  readAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Notification = z.infer<typeof notificationSchema>;

export const unreadCountSchema = z.object({ unread: z.number().int() });
export const markReadSchema = z.strictObject({
  ids: z.array(z.uuid()).min(1).max(100).optional(),
  all: z.boolean().optional(),
});

/**
 * "Montag, 7. Dezember 2026": the one date of a series a calendar notice is about, in the series'
 * zone (data `occurrenceAt`, `timeZone`). Used by the bell in the browser and by the mail.
 */
export function occurrenceDate(data: Record<string, unknown>, locale: string): string | undefined {
  const at = data.occurrenceAt;
  if (typeof at !== "string") return undefined;
  const timeZone = typeof data.timeZone === "string" ? data.timeZone : "UTC";
  return new Intl.DateTimeFormat(locale, { dateStyle: "full", timeZone }).format(new Date(at));
}

/**
 * "Freitag, 14. März 2027 um 10:00 MEZ": when a confirmed interview starts, in the recipient's zone
 * (data `startsAt`, `timeZone`). Used by the bell in the browser and by the mail.
 */
export function interviewStart(data: Record<string, unknown>, locale: string): string | undefined {
  const at = data.startsAt;
  if (typeof at !== "string") return undefined;
  return startIn(new Date(at), typeof data.timeZone === "string" ? data.timeZone : "UTC", locale);
}

/** An interview's start as its mails and notices say it, in a zone with the zone's short name. */
export function startIn(at: Date, timeZone: string, locale: string): string {
  return new Intl.DateTimeFormat(locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    hour: "2-digit",
    minute: "2-digit",
    timeZone,
    timeZoneName: "short",
  }).format(at);
}
