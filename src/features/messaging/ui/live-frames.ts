import { z } from "zod";
import { callRingingSchema, rtcRelayedSchema } from "../../calls/schema.ts";
import { messageSchema } from "../schema.ts";

// The frames the live channel sends (server/realtime/socket.ts, messaging/service.ts), checked here
// so a drifted shape is ignored instead of corrupting the caches.
const messageData = z.object({ threadId: z.uuid(), message: messageSchema });
const frameSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("ready") }),
  z.object({ id: z.string().optional(), type: z.literal("message.created"), data: messageData }),
  z.object({ id: z.string().optional(), type: z.literal("message.updated"), data: messageData }),
  z.object({
    id: z.string().optional(),
    type: z.literal("message.read"),
    data: z.object({ threadId: z.uuid(), userId: z.string(), messageId: z.uuid(), readAt: z.string() }),
  }),
  z.object({ type: z.literal("typing"), data: z.object({ threadId: z.uuid(), userId: z.string() }) }),
  // The bell: something new in the notifications (the list and count are fetched again).
  z.object({ id: z.string().optional(), type: z.literal("notification.created") }),
  // A video room's signalling step from the other participant (not stored, never replayed); the
  // signal itself is checked by the room (calls/ui/signals.ts).
  z.object({ type: z.literal("rtc.signal"), data: rtcRelayedSchema }),
  // The other party of a contract started its call (not stored: a missed ring is a notification).
  z.object({ type: z.literal("call.ringing"), data: callRingingSchema }),
]);
export type LiveFrame = z.infer<typeof frameSchema>;

/** A frame from the socket, or null for anything this client does not know (ignored, not fatal). */
export function parseFrame(text: string): LiveFrame | null {
  try {
    const parsed = frameSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * The number of the last event seen, to resume after a reconnect. A user's events are numbered in
 * order, so one at or below the last is a repeat (the replay and the live stream overlap around a
 * reconnect) and is skipped. Unnumbered frames (typing, ready) always pass.
 */
export function createEventCursor() {
  let last: number | undefined;
  return {
    get last(): string | undefined {
      return last === undefined ? undefined : String(last);
    },
    accept(id: string | undefined): boolean {
      if (id === undefined) return true;
      const n = Number(id);
      if (!Number.isSafeInteger(n)) return true;
      if (last !== undefined && n <= last) return false;
      last = n;
      return true;
    },
  };
}

/**
 * How long to wait before the n-th reconnect in a row (0-based): doubling from 1 s to at most 30 s,
 * each spread over its upper half so a restarted server is not hit by every tab at the same moment.
 */
export function reconnectDelay(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(30_000, 1_000 * 2 ** Math.max(0, attempt));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
