import { afterEach, describe, expect, it, vi } from "vitest";
import { createSessionCache } from "./session-cache.ts";

const anna = { userId: "anna", roles: ["assistant" as const] };
const ben = { userId: "ben", roles: ["client" as const] };
const inAnHour = () => new Date(Date.now() + 3_600_000);

afterEach(() => vi.useRealTimers());

describe("session cache", () => {
  it("serves a verified session for the TTL, never past the session's expiry", () => {
    vi.useFakeTimers({ now: new Date("2027-01-04T09:00:00Z") });
    const cache = createSessionCache(10_000);
    cache.set("a.sig", anna, "a", inAnHour());
    cache.set("b.sig", ben, "b", new Date(Date.now() + 2_000));
    expect(cache.get("a.sig")).toEqual(anna);
    vi.advanceTimersByTime(2_000);
    expect(cache.get("b.sig")).toBeUndefined();
    expect(cache.get("a.sig")).toEqual(anna);
    vi.advanceTimersByTime(8_000);
    expect(cache.get("a.sig")).toBeUndefined();
    expect(cache.size).toBe(0);
  });

  it("forgets a deleted session and every session of a changed user at once", () => {
    const cache = createSessionCache();
    cache.set("a1.sig", anna, "a1", inAnHour());
    cache.set("a2.sig", anna, "a2", inAnHour());
    cache.set("b.sig", ben, "b", inAnHour());
    cache.evictSession("a1");
    expect(cache.get("a1.sig")).toBeUndefined();
    expect(cache.get("a2.sig")).toEqual(anna);
    cache.evictUser("anna");
    expect(cache.get("a2.sig")).toBeUndefined();
    expect(cache.get("b.sig")).toEqual(ben);
  });

  it("stays within its bound, dropping the oldest entry", () => {
    const cache = createSessionCache(10_000, 2);
    cache.set("1", anna, "1", inAnHour());
    cache.set("2", anna, "2", inAnHour());
    cache.set("3", ben, "3", inAnHour());
    expect(cache.size).toBe(2);
    expect(cache.get("1")).toBeUndefined();
    expect(cache.get("3")).toEqual(ben);
  });

  it("verifies a session in use again past half its life, so it never lapses for a busy user", async () => {
    vi.useFakeTimers({ now: new Date("2027-01-04T09:00:00Z") });
    const cache = createSessionCache(10_000);
    cache.set("a.sig", anna, "a", inAnHour());
    const verify = vi.fn(async () => ({ actor: anna, token: "a", expiresAt: inAnHour() }));
    vi.advanceTimersByTime(4_000);
    expect(cache.get("a.sig", verify)).toEqual(anna);
    expect(verify).not.toHaveBeenCalled();
    vi.advanceTimersByTime(2_000);
    // Served at once; the check runs behind it, once however many requests arrive meanwhile.
    expect(cache.get("a.sig", verify)).toEqual(anna);
    expect(cache.get("a.sig", verify)).toEqual(anna);
    await vi.waitFor(() => expect(verify).toHaveBeenCalledTimes(1));
    await Promise.resolve();
    vi.advanceTimersByTime(8_000);
    expect(cache.get("a.sig", verify)).toEqual(anna);
  });

  it("drops a session the background check no longer finds", async () => {
    vi.useFakeTimers({ now: new Date("2027-01-04T09:00:00Z") });
    const cache = createSessionCache(10_000);
    cache.set("a.sig", anna, "a", inAnHour());
    vi.advanceTimersByTime(6_000);
    const verify = vi.fn(async () => undefined);
    expect(cache.get("a.sig", verify)).toEqual(anna);
    await vi.waitFor(() => expect(cache.size).toBe(0));
    expect(cache.get("a.sig", verify)).toBeUndefined();
  });

  it("a sign-out during a background check wins: the old answer does not bring the session back", async () => {
    vi.useFakeTimers({ now: new Date("2027-01-04T09:00:00Z") });
    const cache = createSessionCache(10_000);
    cache.set("a.sig", anna, "a", inAnHour());
    vi.advanceTimersByTime(6_000);
    let answer: (session: { actor: typeof anna; token: string; expiresAt: Date }) => void = () => {};
    const verify = () =>
      new Promise<{ actor: typeof anna; token: string; expiresAt: Date }>((r) => (answer = r));
    expect(cache.get("a.sig", verify)).toEqual(anna);
    cache.evictSession("a");
    // The check read the session before it was deleted and answers it as valid.
    answer({ actor: anna, token: "a", expiresAt: inAnHour() });
    // Let the answer's continuation run (microtasks only; the clock is fake).
    for (let i = 0; i < 10; i++) await Promise.resolve();
    expect(cache.size).toBe(0);
    expect(cache.get("a.sig")).toBeUndefined();
  });
});
