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

  return {
    /** Counts one message for the user, or answers 429 with the seconds until the next is allowed. */
    take(userId: string) {
      const t = now().getTime();
      if (sent.size > 10_000) sweep(t);
      const times = (sent.get(userId) ?? []).filter((s) => s > t - limit.windowMs);
      if (times.length >= limit.max) {
        const retry = Math.max(1, Math.ceil(((times[0] ?? t) + limit.windowMs - t) / 1000));
        sent.set(userId, times);
        throw new AppError("rate_limited", {
          reason: "message.flood",
          detail: `Too many messages; try again in ${retry} s.`,
          headers: { "retry-after": String(retry) },
        });
      }
      times.push(t);
      sent.set(userId, times);
    },
  };
}
