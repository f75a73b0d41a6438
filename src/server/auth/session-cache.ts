import type { Actor } from "./actor.ts";

interface Entry {
  actor: Actor;
  /** The session's token, for eviction when Better Auth deletes the session. */
  token: string;
  until: number;
}

/**
 * Sessions verified in the last few seconds, keyed by the signed cookie value, so most API
 * requests need neither the cookie's HMAC check nor a database read. An entry lives at most
 * `ttlMs` and never past the session's expiry. Deleting a session (sign-out, revoke, password
 * reset) or changing a user's roles evicts it on this instance at once; on other instances it
 * lapses within `ttlMs` (docs/decisions/0004-session-cache.md).
 */
export function createSessionCache(ttlMs = 10_000, max = 50_000) {
  const byCookie = new Map<string, Entry>();
  const evictWhere = (match: (e: Entry) => boolean) => {
    for (const [key, entry] of byCookie) if (match(entry)) byCookie.delete(key);
  };
  return {
    get(cookie: string): Actor | undefined {
      const entry = byCookie.get(cookie);
      if (!entry) return undefined;
      if (entry.until > Date.now()) return entry.actor;
      byCookie.delete(cookie);
      return undefined;
    },
    set(cookie: string, actor: Actor, token: string, expiresAt: Date) {
      // Oldest first (a Map keeps insertion order): the bound holds whatever the traffic.
      if (byCookie.size >= max) byCookie.delete(byCookie.keys().next().value as string);
      byCookie.set(cookie, { actor, token, until: Math.min(Date.now() + ttlMs, expiresAt.getTime()) });
    },
    evictSession: (token: string) => evictWhere((e) => e.token === token),
    evictUser: (userId: string) => evictWhere((e) => e.actor.userId === userId),
    get size() {
      return byCookie.size;
    },
  };
}

export type SessionCache = ReturnType<typeof createSessionCache>;
