// Half-open intervals [start, end) of epoch ms. The functions below that take lists expect them
// as `merged` returns them: sorted, disjoint and not touching, which lets each be one linear sweep.

export type Interval = [start: number, end: number];

/** The union of intervals, sorted; touching ones are joined and empty ones dropped. */
export function merged(intervals: readonly (readonly [number, number])[]): Interval[] {
  const sorted = intervals.filter(([start, end]) => end > start).sort((a, b) => a[0] - b[0]);
  const out: Interval[] = [];
  for (const [start, end] of sorted) {
    const last = out.at(-1);
    if (last && start <= last[1]) last[1] = Math.max(last[1], end);
    else out.push([start, end]);
  }
  return out;
}

/** What of `from` is not covered by `cut`; both merged. */
export function subtract(from: readonly Interval[], cut: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let j = 0;
  for (const [start, end] of from) {
    let cursor = start;
    while (j < cut.length && (cut[j] as Interval)[1] <= cursor) j++;
    for (let k = j; k < cut.length; k++) {
      const [cutStart, cutEnd] = cut[k] as Interval;
      if (cutStart >= end) break;
      if (cutStart > cursor) out.push([cursor, cutStart]);
      cursor = Math.max(cursor, cutEnd);
      if (cursor >= end) break;
    }
    if (cursor < end) out.push([cursor, end]);
  }
  return out;
}

/** The time covered by both lists; both merged. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const [aStart, aEnd] = a[i] as Interval;
    const [bStart, bEnd] = b[j] as Interval;
    const start = Math.max(aStart, bStart);
    const end = Math.min(aEnd, bEnd);
    if (start < end) out.push([start, end]);
    if (aEnd < bEnd) i++;
    else j++;
  }
  return out;
}
