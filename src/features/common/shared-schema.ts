import { z } from "zod";
import { BID_NOTICES } from "../bids/schema.ts";
import { CALENDAR_NOTICES } from "../calendar/schema.ts";
import { callsLiveEvents, rtcSignalFrameSchema } from "../calls/schema.ts";
import { CONTRACT_NOTICES } from "../contracts/schema.ts";
import { INTERVIEW_NOTICES } from "../interviews/schema.ts";
import { JOB_NOTICES } from "../jobs/schema.ts";
import { MESSAGING_NOTICES, messagingLiveEvents, typingFrameSchema } from "../messaging/schema.ts";

// What each feature declares in its schema.ts that the server and the browser both read: the
// events it sends on the live channel and the types of notice it sends. A feature adds its own
// here, once each.

/**
 * Every type of notice, from the features that send them. Each type has, in its feature, its mail
 * texts (`notices.ts`, registered in the feature's module) and how the bell links it
 * (`ui/notices.ts`); the reader chooses per type how it reaches them (notifications/schema.ts).
 */
export const NOTIFICATION_TYPES = [
  ...BID_NOTICES,
  ...CONTRACT_NOTICES,
  ...JOB_NOTICES,
  ...MESSAGING_NOTICES,
  ...INTERVIEW_NOTICES,
  ...CALENDAR_NOTICES,
] as const;
export type NotificationType = (typeof NOTIFICATION_TYPES)[number];

/**
 * Every event the live channel carries, by name, with the zod schema of its payload: the server
 * can only publish what is listed here (typed by `LiveEvent`), and the browser parses each frame
 * with the same schema before a handler sees it. Each feature declares its own events in its
 * schema.ts; their handlers in the browser are the feature's too (`live` in its ui/module.ts).
 */
export const LIVE_EVENTS = {
  // The bell has something new; the list and the count are fetched again.
  "notification.created": z.object({}),
  ...messagingLiveEvents,
  ...callsLiveEvents,
};

export type LiveEventMap = typeof LIVE_EVENTS;
export type LiveEventType = keyof LiveEventMap;

/** An event as a service writes it: a listed name with a payload of its schema. */
export type LiveEvent = {
  [K in LiveEventType]: { type: K; data: z.input<LiveEventMap[K]> };
}[LiveEventType];

/** The same as the browser receives it, parsed; `id` is the recipient's event number when stored. */
export type LiveFrameOf<K extends LiveEventType> = { id?: string; type: K; data: z.output<LiveEventMap[K]> };
export type LiveFrame = { [K in LiveEventType]: LiveFrameOf<K> }[LiveEventType];

export const isLiveEventType = (type: string): type is LiveEventType => Object.hasOwn(LIVE_EVENTS, type);

/** What a client may send over the socket (the other direction). Anything else is ignored and counted. */
export const clientFrameSchema = z.discriminatedUnion("type", [
  typingFrameSchema,
  // WebRTC signalling for a video room (an interview's or a contract's), relayed to the other
  // participant as is.
  rtcSignalFrameSchema,
]);
export type ClientFrame = z.infer<typeof clientFrameSchema>;
