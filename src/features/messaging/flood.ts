import type { Redis } from "ioredis";
import { AppError } from "../../server/errors.ts";

export interface FloodLimit {
  /** Messages a user may post within the window. */
  max: number;
  windowMs: number;
}

/** 30 a minute: a fast typist sends a few lines a minute; a script sends hundreds. */
export const DEFAULT_FLOOD_LIMIT: FloodLimit = { max: 30, windowMs: 60_000 };

/** Where the window of send times lives: answers 0 (counted) or the ms until the next is allowed. */
export type FloodStore = (key: string, limit: FloodLimit, at: number) => Promise<number> | number;

/** A sliding window of send times per key in this process: enough for one instance. */
export function memoryFloodStore(): FloodStore {
  const sent = new Map<string, number[]>();
  return (key, limit, t) => {
    if (sent.size > 10_000)
      for (const [k, times] of sent) if ((times.at(-1) ?? 0) <= t - limit.windowMs) sent.delete(k);
    const times = (sent.get(key) ?? []).filter((s) => s > t - limit.windowMs);
    const wait = times.length >= limit.max ? (times[0] ?? t) + limit.windowMs - t : 0;
    if (!wait) times.push(t);
    sent.set(key, times);
    return wait;
  };
}

// The same window as a sorted set of send times, trimmed, counted and extended in one atomic
// script, so a user spread over several instances still gets the limit once, not once per instance.
const SLIDING_WINDOW = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - ARGV[2])
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[3]) then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return tonumber(oldest[2]) + ARGV[2] - ARGV[1]
end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[4])
redis.call('PEXPIRE', KEYS[1], ARGV[2])
return 0`;

/** The window shared by every instance through Redis. */
export function redisFloodStore(redis: Redis): FloodStore {
  let sequence = 0;
  return async (key, limit, t) => {
    // Members must be unique even for two sends in the same millisecond.
    const member = `${t}:${process.pid}:${sequence++}`;
    const wait = await redis.eval(
      SLIDING_WINDOW,
      1,
      `assista:flood:${key}`,
      t,
      limit.windowMs,
      limit.max,
      member,
    );
    return Math.max(0, Number(wait));
  };
}

export function createFloodGuard(limit: FloodLimit, now: () => Date, store: FloodStore = memoryFloodStore()) {
  return {
    /** Counts one message for the user, or answers 429 with the seconds until the next is allowed. */
    async take(userId: string) {
      const wait = await store(userId, limit, now().getTime());
      if (!wait) return;
      const retry = Math.max(1, Math.ceil(wait / 1000));
      throw new AppError("rate_limited", {
        reason: "message.flood",
        detail: `Too many messages; try again in ${retry} s.`,
        headers: { "retry-after": String(retry) },
      });
    },
  };
}

/** A per-process limit for signals that may simply be dropped when over it (typing). */
export function createSignalThrottle(limit: FloodLimit, now: () => Date) {
  const store = memoryFloodStore();
  return (key: string) => store(key, limit, now().getTime()) === 0;
}
