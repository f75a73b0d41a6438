import { isLiveEventType, LIVE_EVENTS, type LiveFrame } from "../../features/common/shared-schema.ts";

/** The channel's own frame: the connection is open and the replay, if any, has been sent. */
export type ChannelFrame = LiveFrame | { type: "ready" };

/**
 * A frame from the socket, parsed with its event's schema from the live map, or null for
 * anything this client does not know or whose shape drifted (ignored, never fatal, and never
 * let into the caches).
 */
export function parseFrame(text: string): ChannelFrame | null {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return null;
  }
  if (typeof raw !== "object" || raw === null) return null;
  const { id, type, data } = raw as { id?: unknown; type?: unknown; data?: unknown };
  if (type === "ready") return { type: "ready" };
  if (typeof type !== "string" || !isLiveEventType(type)) return null;
  if (id !== undefined && typeof id !== "string") return null;
  const parsed = LIVE_EVENTS[type].safeParse(data);
  if (!parsed.success) return null;
  return { ...(id === undefined ? {} : { id }), type, data: parsed.data } as LiveFrame;
}

/**
 * The number of the last event seen, to resume after a reconnect. A user's events are numbered in
 * order, so one at or below the last is a repeat (the replay and the live stream overlap around a
 * reconnect) and is skipped. Unnumbered frames (typing, signalling) always pass.
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
