/**
 * At most one log line per interval for what can happen thousands of times a second (a refused
 * frame, a flooding socket): the first is written at once, the rest of the interval only counted,
 * and the next line says how many it stands for. The exact totals are the /metrics counters.
 */
export function createSampledLog(intervalMs: number, now = () => performance.now()) {
  let lastAt = Number.NEGATIVE_INFINITY;
  let left = 0;
  return (write: (leftOut: number) => void) => {
    const t = now();
    if (t - lastAt < intervalMs) {
      left += 1;
      return;
    }
    lastAt = t;
    const leftOut = left;
    left = 0;
    write(leftOut);
  };
}
