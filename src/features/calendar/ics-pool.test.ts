import { afterEach, describe, expect, it } from "vitest";
import { createIcsReader, type IcsReader, type IcsReaderOptions } from "./ics-pool.ts";
import { reasonOf } from "./testing.ts";
import { manyOverrides, SECONDLY_ZONE } from "./testing-hostile.ts";

const spring = {
  from: Date.parse("2026-03-01T00:00:00Z"),
  to: Date.parse("2026-04-20T00:00:00Z"),
  timeZone: "Europe/Berlin",
};
const SMALL = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//test//EN",
  "BEGIN:VEVENT",
  "UID:one@test",
  "DTSTART:20260302T100000Z",
  "DTEND:20260302T110000Z",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");
/** About a second's work for the reader, well within its bounds. */
const HEAVY = manyOverrides(6_000);
/** A quarter of that. */
const MEDIUM = manyOverrides(1_500);
/** Several seconds' work: far past the short deadlines below. */
const SLOW = manyOverrides(20_000);

const readers: IcsReader[] = [];
afterEach(async () => {
  await Promise.all(readers.splice(0).map((reader) => reader.close()));
});
function reader(options: IcsReaderOptions) {
  const made = createIcsReader(options);
  readers.push(made);
  return made;
}

/** The longest the event loop went without running a 5 ms timer while `work` ran. */
async function longestStall(work: () => Promise<unknown>) {
  let last = performance.now();
  let longest = 0;
  const timer = setInterval(() => {
    const at = performance.now();
    longest = Math.max(longest, at - last);
    last = at;
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return longest;
}

describe("reading calendars in a worker thread", () => {
  it("starts no thread before the first read, and lets it go once idle", { timeout: 30_000 }, async () => {
    const r = reader({ idleMs: 200 });
    expect(r.threads()).toBe(0);
    expect(await r.busyFromIcs(SMALL, spring)).toEqual([
      { start: Date.parse("2026-03-02T10:00:00Z"), end: Date.parse("2026-03-02T11:00:00Z") },
    ]);
    expect(r.threads()).toBe(1);
    await expect.poll(() => r.threads(), { timeout: 10_000, interval: 50 }).toBe(0);
    // And starts one again when needed.
    expect(await r.busyFromIcs(SMALL, spring)).toHaveLength(1);
  });

  it("keeps the event loop free while a file is read", { timeout: 60_000 }, async () => {
    const r = reader({});
    await r.busyFromIcs(SMALL, spring); // the thread's start (loading ical.js) is not what is measured
    const stall = await longestStall(async () => {
      expect(await r.busyFromIcs(HEAVY, spring)).not.toHaveLength(0);
      expect(await reasonOf(r.busyFromIcs(SECONDLY_ZONE, spring))).toBe("ics.too_complex");
    });
    expect(stall).toBeLessThan(200);
  });

  it("ends a read past its deadline as too complex, and reads the next file in a new thread", {
    timeout: 60_000,
  }, async () => {
    const r = reader({ deadlineMs: 400 });
    await r.busyFromIcs(SMALL, spring);
    const started = performance.now();
    expect(await reasonOf(r.busyFromIcs(SLOW, spring))).toBe("ics.too_complex");
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(await r.busyFromIcs(SMALL, spring)).toHaveLength(1);
  });

  it("ends a read past the heap cap as too complex", { timeout: 60_000 }, async () => {
    // A thread starts in about 16 MB; the heavy file needs more than 32.
    const r = reader({ maxHeapMb: 28 });
    expect(await reasonOf(r.busyFromIcs(HEAVY, spring))).toBe("ics.too_complex");
    expect(await r.busyFromIcs(SMALL, spring)).toHaveLength(1);
  });

  it("fails the read, rather than leave it waiting, when no thread can start", {
    timeout: 60_000,
  }, async () => {
    const r = reader({ maxHeapMb: 4 });
    for (const attempt of [1, 2]) {
      await expect(r.busyFromIcs(SMALL, spring), `attempt ${attempt}`).rejects.toThrow(
        "the calendar reader failed",
      );
    }
  });

  it("counts the deadline from when a read starts, not from when it was queued", {
    timeout: 120_000,
  }, async () => {
    const probe = reader({ threads: 1 });
    let fastest = Number.POSITIVE_INFINITY;
    for (const _ of [1, 2, 3]) {
      const started = performance.now();
      await probe.busyFromIcs(MEDIUM, spring);
      fastest = Math.min(fastest, performance.now() - started);
    }
    // Enough in a row on one thread to take well over twice the deadline each one is allowed.
    const deadlineMs = Math.max(4 * fastest, 1_000);
    const many = [...Array(Math.ceil((2.5 * deadlineMs) / fastest)).keys()];
    const queued = reader({ threads: 1, deadlineMs, maxQueue: many.length });
    await queued.busyFromIcs(SMALL, spring);
    const results = await Promise.all(many.map(() => reasonOf(queued.busyFromIcs(MEDIUM, spring))));
    expect(results).toEqual(many.map(() => "resolved"));
  });

  it("reads the files queued behind one whose thread was ended", { timeout: 60_000 }, async () => {
    const r = reader({ threads: 1, deadlineMs: 400 });
    await r.busyFromIcs(SMALL, spring);
    const results = await Promise.all(
      [SLOW, SMALL, SMALL].map((text) => reasonOf(r.busyFromIcs(text, spring))),
    );
    expect(results).toEqual(["ics.too_complex", "resolved", "resolved"]);
  });

  it("refuses a file as busy while the queue is full", { timeout: 60_000 }, async () => {
    const r = reader({ threads: 1, maxQueue: 1 });
    await r.busyFromIcs(SMALL, spring);
    const running = reasonOf(r.busyFromIcs(HEAVY, spring));
    const waiting = reasonOf(r.busyFromIcs(SMALL, spring));
    expect(await reasonOf(r.busyFromIcs(SMALL, spring))).toBe("ics.busy");
    expect([await running, await waiting]).toEqual(["resolved", "resolved"]);
  });
});
