import { AppError } from "../../server/errors.ts";

export interface FloodLimit {
  /** Messages a user may post within the window. */
  max: number;
  windowMs: number;
}

/** 30 a minute: a fast typist sends a few lines a minute; a script sends hundreds. */
export const DEFAULT_FLOOD_LIMIT: FloodLimit = { max: 30, windowMs: 60_000 };

/**
 * A sliding window of send times per user, in this process. Several instances each allow the
 * limit; that bounds a flood well enough without a round trip to Redis on every message.
 */
export function createFloodGuard(limit: FloodLimit, now: () => Date) {
  const sent = new Map<string, number[]>();

  function sweep(t: number) {
    for (const [user, times] of sent) if ((times.at(-1) ?? 0) <= t - limit.windowMs) sent.delete(user);
  }

  /** Counts one use for the key, or answers how many ms until the next is allowed. */
  function take(key: string): number {
    const t = now().getTime();
    if (sent.size > 10_000) sweep(t);
    const times = (sent.get(key) ?? []).filter((s) => s > t - limit.windowMs);
    const wait = times.length >= limit.max ? (times[0] ?? t) + limit.windowMs - t : 0;
    if (!wait) times.push(t);
    sent.set(key, times);
    return wait;
  }

  return {
    /** Counts one message for the user, or answers 429 with the seconds until the next is allowed. */
    take(userId: string) {
      const wait = take(userId);
      if (!wait) return;
      const retry = Math.max(1, Math.ceil(wait / 1000));
      throw new AppError("rate_limited", {
        reason: "message.flood",
        detail: `Too many messages; try again in ${retry} s.`,
        headers: { "retry-after": String(retry) },
      });
    },
    /** The same without an error: false when over the limit (for signals that may simply be dropped). */
    tryTake: (key: string) => take(key) === 0,
  };
}
