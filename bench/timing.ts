// Timing helpers for the in-process benches (no server): run a function many times and report
// percentiles of the wall time of each run.

/** Milliseconds of each of `runs` calls of fn, sorted, after `warmup` untimed calls (JIT and caches). */
export function timeRuns(fn: () => unknown, runs: number, warmup = Math.ceil(runs / 10)): number[] {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

/** "p50 1.23 ms, p95 …" for the given quantiles of sorted times. */
export function percentiles(sorted: readonly number[], quantiles: readonly number[]): string {
  return quantiles
    .map((q) => `p${Math.round(q * 100)} ${sorted[Math.floor(q * (sorted.length - 1))]?.toFixed(2)} ms`)
    .join(", ");
}

/** A small seeded generator (mulberry32), so every run of a bench measures the same data. */
export function seeded(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}
