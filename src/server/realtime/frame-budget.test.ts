import { describe, expect, it } from "vitest";
import { createFrameBudget, FRAME_BUDGET } from "./frame-budget.ts";
import { createSampledLog } from "./sampled-log.ts";

describe("a socket's frame budget", () => {
  it("allows a burst at once, then refills at its steady rate up to the burst", () => {
    let t = 0;
    const budget = createFrameBudget({ burst: 100, perSecond: 20 }, () => t);
    const takes = (n: number) => Array.from({ length: n }, () => budget.take()).filter(Boolean).length;
    expect(takes(150)).toBe(100);
    t += 50; // a twentieth of a second: one frame's worth
    expect(takes(5)).toBe(1);
    t += 60_000;
    expect(takes(150)).toBe(100);
  });

  it("holds a call's start, two ICE gatherings back to back, with typing going on", () => {
    let t = 0;
    const budget = createFrameBudget(FRAME_BUDGET, () => t);
    // Per gathering: join, offer, answer and 40 candidates within half a second; a typing frame.
    for (let gathering = 0; gathering < 2; gathering++)
      for (let frame = 0; frame < 44; frame++) {
        t += 500 / 44;
        expect(budget.take()).toBe(true);
      }
  });
});

describe("a sampled log", () => {
  it("writes the first line at once and one per interval after, counting the rest", () => {
    let t = 0;
    const lines: number[] = [];
    const log = createSampledLog(10_000, () => t);
    for (let i = 0; i < 1_000; i++) {
      log((leftOut) => lines.push(leftOut));
      t += 15;
    }
    // 15 s of a line every 15 ms: one at 0, one at 10 s standing for the 666 in between.
    expect(lines).toEqual([0, 666]);
  });
});
