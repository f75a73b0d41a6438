import { afterEach, describe, expect, it, vi } from "vitest";
import { isIanaTimeZone, TIME_ZONE_CACHE_LIMIT, timeZoneCacheSize } from "./schema.ts";

afterEach(() => vi.restoreAllMocks());

describe("isIanaTimeZone", () => {
  it("accepts named zones and refuses offsets, unknown names and junk", () => {
    expect(isIanaTimeZone("Europe/Berlin")).toBe(true);
    expect(isIanaTimeZone("America/Argentina/Buenos_Aires")).toBe(true);
    expect(isIanaTimeZone("UTC")).toBe(true);
    expect(isIanaTimeZone("+01:00")).toBe(false);
    expect(isIanaTimeZone("Mars/Olympus_Mons")).toBe(false);
    expect(isIanaTimeZone("")).toBe(false);
  });

  it("builds a formatter once per zone id, then answers from its cache (same answer)", () => {
    const spy = vi.spyOn(Intl, "DateTimeFormat");
    const zone = "Pacific/Chatham";
    const first = isIanaTimeZone(zone);
    const built = spy.mock.calls.length;
    expect(built).toBe(1);
    for (let i = 0; i < 100; i++) expect(isIanaTimeZone(zone)).toBe(first);
    expect(isIanaTimeZone("Atlantis/Nowhere")).toBe(false);
    expect(isIanaTimeZone("Atlantis/Nowhere")).toBe(false);
    expect(spy.mock.calls.length).toBe(built + 1);
  });

  it("keeps at most its bound of answers, however many distinct strings arrive", () => {
    for (let i = 0; i < TIME_ZONE_CACHE_LIMIT + 500; i++) isIanaTimeZone(`Nowhere/Zone_${i}`);
    expect(timeZoneCacheSize()).toBe(TIME_ZONE_CACHE_LIMIT);
    // Still right after evictions, for old and new ids.
    expect(isIanaTimeZone("Nowhere/Zone_0")).toBe(false);
    expect(isIanaTimeZone("Europe/Berlin")).toBe(true);
  });
});
