import { z } from "zod";

export const NOTIFICATION_TYPES = [
  "bid.received",
  "bid.shortlisted",
  "bid.rejected",
  "offer.received",
  "offer.accepted",
  "offer.declined",
  "job.terms_changed",
  "job.filled",
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

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
