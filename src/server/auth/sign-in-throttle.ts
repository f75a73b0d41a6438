import { eq, lt, sql } from "drizzle-orm";
import { signInThrottle } from "../../features/accounts/tables.ts";
import type { Db } from "../db/client.ts";
import { AppError } from "../errors.ts";

export interface ThrottlePolicy {
  /** Consecutive failures answered at once; from then on each attempt waits for the one before. */
  freeFailures: number;
  /** The wait after the last free failure; it doubles with every further failure… */
  firstWaitMs: number;
  /** …up to this, so the owner is never shut out for longer (and can reset the password by mail). */
  maxWaitMs: number;
  /** A failure this long after the last attempt starts the count afresh. */
  forgetAfterMs: number;
}

// Five mistypes are free; then 30 s, 1, 2, 4, 8 and at most 15 minutes between guesses: about a
// hundred guesses a day against one account however many addresses an attacker has, while the
// address limit (AUTH_ATTEMPTS_PER_MINUTE) stops one address trying many accounts.
export const SIGN_IN_POLICY: ThrottlePolicy = {
  freeFailures: 5,
  firstWaitMs: 30_000,
  maxWaitMs: 15 * 60_000,
  forgetAfterMs: 24 * 3_600_000,
};

/** How long after the last attempt the next one may be checked, given the failures so far. */
export function waitAfter(failures: number, policy: ThrottlePolicy = SIGN_IN_POLICY): number {
  if (failures < policy.freeFailures) return 0;
  const doublings = Math.min(failures - policy.freeFailures, 30);
  return Math.min(policy.maxWaitMs, policy.firstWaitMs * 2 ** doublings);
}

/** What became of an admitted attempt: a wrong password, a right one, or not checked at all. */
export type Outcome = "failed" | "succeeded" | "unchecked";

/**
 * The per-account sign-in throttle (ASVS 5 V6.3.1), shared by all instances through the database.
 * `admit` counts the attempt before the password is checked, in the account's row under a lock,
 * so parallel guesses cannot all slip through while the first is being checked; while the account
 * waits, every attempt is refused, the right password too, or the wait would not slow a guesser.
 * It is a delay, never a lockout: bounded by `maxWaitMs`, and a password reset clears it.
 */
export function createSignInThrottle(
  db: Db,
  policy: ThrottlePolicy = SIGN_IN_POLICY,
  now: () => Date = () => new Date(),
) {
  const clear = async (email: string) => {
    await db.delete(signInThrottle).where(eq(signInThrottle.email, email));
  };
  /** Settles an admitted attempt: a success clears the count, an unchecked one is taken back. */
  async function settle(email: string, attempt: { at: Date; before: Date }, outcome: Outcome) {
    if (outcome === "succeeded") return clear(email);
    if (outcome === "failed") return;
    // Back to the count and time before it, unless a later attempt has moved the time on since.
    await db
      .update(signInThrottle)
      .set({
        failures: sql`greatest(${signInThrottle.failures} - 1, 0)`,
        lastAttemptAt: sql`case when ${signInThrottle.lastAttemptAt} = ${attempt.at.toISOString()}::timestamptz then ${attempt.before.toISOString()}::timestamptz else ${signInThrottle.lastAttemptAt} end`,
      })
      .where(eq(signInThrottle.email, email));
  }

  return {
    /**
     * Counts an attempt for `email` (normalized), or throws 429 while the account waits. The
     * attempt's `settled` takes Better Auth's answer to it and settles it by its status.
     */
    async admit(email: string) {
      const at = now();
      const admitted = await db.transaction(async (tx) => {
        await tx
          .insert(signInThrottle)
          .values({ email, failures: 0, lastAttemptAt: at })
          .onConflictDoNothing();
        const [found] = await tx
          .select()
          .from(signInThrottle)
          .where(eq(signInThrottle.email, email))
          .for("update");
        const before = found?.lastAttemptAt ?? at;
        const since = at.getTime() - before.getTime();
        const failures = since > policy.forgetAfterMs ? 0 : (found?.failures ?? 0);
        const wait = waitAfter(failures, policy);
        // Two attempts at once can take the lock in the other order than they read the clock:
        // `since` is then below zero, which must not count as waiting when no wait is due.
        if (wait > 0 && since < wait) return { before, waitUntil: new Date(before.getTime() + wait) };
        await tx
          .update(signInThrottle)
          .set({ failures: failures + 1, lastAttemptAt: since < 0 ? before : at })
          .where(eq(signInThrottle.email, email));
        return { before, waitUntil: undefined };
      });
      if (admitted.waitUntil) {
        const seconds = Math.ceil((admitted.waitUntil.getTime() - at.getTime()) / 1000);
        throw new AppError("rate_limited", {
          reason: "auth.account_throttled",
          detail: `Too many failed sign-ins for this account; try again in ${seconds} s or reset the password.`,
          availableAt: admitted.waitUntil,
          // By the throttle's clock, which tests set.
          headers: { "retry-after": String(seconds) },
        });
      }
      const attempt = { at, before: admitted.before };
      return {
        /** Passes Better Auth's answer on after settling the attempt by it; a throw counts as unchecked. */
        async settled(answer: Promise<Response>): Promise<Response> {
          let status = 500;
          try {
            const response = await answer;
            status = response.status;
            return response;
          } finally {
            await settle(email, attempt, outcomeOf(status));
          }
        },
      };
    },

    /** Forgets the account's failures (a password reset by mail proves the owner). */
    clear,

    /** Drops counts nobody added to within `forgetAfterMs`: they would start afresh anyway. */
    async prune(): Promise<number> {
      const before = new Date(now().getTime() - policy.forgetAfterMs);
      const removed = await db
        .delete(signInThrottle)
        .where(lt(signInThrottle.lastAttemptAt, before))
        .returning({ email: signInThrottle.email });
      return removed.length;
    },
  };
}

export type SignInThrottle = ReturnType<typeof createSignInThrottle>;

/** Which outcome Better Auth's answer to a sign-in means for the throttle. */
export function outcomeOf(status: number): Outcome {
  if (status >= 200 && status < 300) return "succeeded";
  // 401 is a wrong e-mail or password. Anything else is taken back rather than trusted as a success:
  // a 429 per address or a 403 from the origin checks come before the password is looked at (and
  // an attacker can cause them at will); the 403 of an unverified address signs nobody in.
  return status === 401 ? "failed" : "unchecked";
}
