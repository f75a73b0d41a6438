import { z } from "zod";
import { callsLiveEvents, rtcSignalFrameSchema } from "../calls/schema.ts";
import { messagingLiveEvents, typingFrameSchema } from "../messaging/schema.ts";
import { notificationsLiveEvents } from "../notifications/schema.ts";

/**
 * Every event the live channel carries, by name, with the zod schema of its payload: the server
 * can only publish what is listed here (typed by `LiveEvent`), and the browser parses each frame
 * with the same schema before a handler sees it. Each feature declares its own events in its
 * schema.ts and adds them here with one line; their handlers in the browser are the feature's too
 * (web/live/handlers.ts lists them).
 */
export const LIVE_EVENTS = {
  ...messagingLiveEvents,
  ...notificationsLiveEvents,
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
