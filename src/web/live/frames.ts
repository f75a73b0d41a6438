import { isLiveEventType, LIVE_EVENTS, type LiveFrame } from "../../features/common/shared-schema.ts";

/**
 * The channel's own frame: the connection is open and the replay, if any, has been sent; `after`
 * is where to resume from after the next drop.
 */
export type ChannelFrame = LiveFrame | { type: "ready"; after?: string };

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
  if (type === "ready") {
    const after = (data as { after?: unknown } | null)?.after;
    return typeof after === "string" && /^\d{1,19}$/.test(after)
      ? { type: "ready", after }
      : { type: "ready" };
  }
  if (typeof type !== "string" || !isLiveEventType(type)) return null;
  if (id !== undefined && typeof id !== "string") return null;
  const parsed = LIVE_EVENTS[type].safeParse(data);
  if (!parsed.success) return null;
  return { ...(id === undefined ? {} : { id }), type, data: parsed.data } as LiveFrame;
}

/**
 * Where to resume after a reconnect, and which events were handled already. The server numbers
 * events from one sequence in the order they are written, not committed, so the tab resumes from
 * the watermark each "ready" names (`last`), and the replay that follows may repeat events the live
 * stream delivered: those are skipped by number. The numbers of the last `remember` events are kept,
 * more than a replay holds. Unnumbered frames (typing, signalling) always pass.
 */
export function createEventCursor(remember = 2_000) {
  let watermark: string | undefined;
  const seen = new Set<string>();
  return {
    get last(): string | undefined {
      return watermark;
    },
    resumeFrom(after: string | undefined) {
      if (after !== undefined) watermark = after;
    },
    accept(id: string | undefined): boolean {
      if (id === undefined) return true;
      if (seen.has(id)) return false;
      seen.add(id);
      // A Set iterates in insertion order: the first is the oldest.
      if (seen.size > remember) seen.delete(seen.values().next().value as string);
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
