import { sendFrame } from "../../../web/live/socket.ts";

/** The server drops typing signals closer than 3 s apart anyway; sending them would be waste. */
const TYPING_EVERY_MS = 3_000;
const lastTyping = new Map<string, number>();

/** Tells the others in a thread that the user is typing (at most every 3 s, and only when live). */
export function sendTyping(threadId: string) {
  const now = Date.now();
  if (now - (lastTyping.get(threadId) ?? 0) < TYPING_EVERY_MS) return;
  if (sendFrame({ type: "typing", threadId })) lastTyping.set(threadId, now);
}
