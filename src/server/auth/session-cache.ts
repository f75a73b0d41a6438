import { refreshAheadCache } from "../refresh-ahead.ts";
import type { Actor } from "./actor.ts";

/** A verified session as the cache keeps it. */
export interface VerifiedSession {
  actor: Actor;
  /** The session's token, for eviction when Better Auth deletes the session. */
  token: string;
  expiresAt: Date;
}

/**
 * Sessions verified in the last few seconds, keyed by the signed cookie value, so most API
 * requests need neither the cookie's HMAC check nor a database read. An entry lives at most
 * `ttlMs` after its verification and never past the session's expiry; one still in use is verified
 * again in the background before that, so busy users never wait for it. Deleting a session
 * (sign-out, revoke, password reset) or changing a user's roles evicts it on this instance at once
 * and voids verifications in flight; on other instances it lapses within `ttlMs`
 * (docs/decisions/0004-session-cache.md).
 */
export function createSessionCache(ttlMs = 10_000, max = 50_000) {
  const cache = refreshAheadCache<VerifiedSession>({ ttlMs, max });
  const lifetime = (session: VerifiedSession) => Math.min(ttlMs, session.expiresAt.getTime() - Date.now());
  return {
    /** The actor of a recently verified cookie; `verify` checks it again in the background. */
    get(cookie: string, verify: () => Promise<VerifiedSession | undefined> = async () => undefined) {
      return cache.get(cookie, async () => {
        const session = await verify();
        return session && { value: session, ttlMs: lifetime(session) };
      })?.actor;
    },
    set(cookie: string, actor: Actor, token: string, expiresAt: Date) {
      const session = { actor, token, expiresAt };
      cache.set(cookie, session, lifetime(session));
    },
    evictSession: (token: string) => cache.deleteWhere((s) => s.token === token),
    evictUser: (userId: string) => cache.deleteWhere((s) => s.actor.userId === userId),
    get size() {
      return cache.size;
    },
  };
}

export type SessionCache = ReturnType<typeof createSessionCache>;
