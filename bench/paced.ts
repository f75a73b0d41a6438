// An open-loop load generator: requests start at evenly spaced moments whatever the answers do,
// so a slow answer cannot hide the queue behind it (no coordinated omission). autocannon's
// `overallRate` instead lets each connection send its share of a second back to back at the
// start of the second, which measures bursts of hundreds of requests, not a steady rate.
import { Pool } from "undici";

export interface PacedRequest {
  path: string;
  headers: Record<string, string>;
  body: string;
}

export interface PacedResult {
  sent: number;
  /** Answers by status code. */
  statuses: Map<number, number>;
  errors: number;
  /** Milliseconds from the planned start of each request to its answer, sorted. */
  latencies: number[];
  seconds: number;
}

/**
 * POSTs `rate` requests a second for `seconds` over keep-alive connections to `origin`.
 * `request(i)` builds the i-th request; `answered(i, status, body)` sees each answer.
 */
export async function paced(options: {
  origin: string;
  rate: number;
  seconds: number;
  connections: number;
  request: (i: number) => PacedRequest;
  answered?: (i: number, status: number, body: string) => void;
}): Promise<PacedResult> {
  const pool = new Pool(options.origin, { connections: options.connections, pipelining: 1 });
  const total = Math.round(options.rate * options.seconds);
  const result: PacedResult = { sent: 0, statuses: new Map(), errors: 0, latencies: [], seconds: 0 };
  const inFlight = new Set<Promise<void>>();
  const started = performance.now();

  async function one(i: number, plannedAt: number) {
    const { path, headers, body } = options.request(i);
    try {
      const res = await pool.request({ method: "POST", path, headers, body });
      const text = await res.body.text();
      result.latencies.push(performance.now() - plannedAt);
      result.statuses.set(res.statusCode, (result.statuses.get(res.statusCode) ?? 0) + 1);
      options.answered?.(i, res.statusCode, text);
    } catch {
      result.errors += 1;
    }
  }

  while (result.sent < total) {
    const due = Math.min(total, Math.floor(((performance.now() - started) / 1000) * options.rate));
    for (; result.sent < due; result.sent++) {
      // Timed from when it should have started: a late start is latency too.
      const plannedAt = started + (result.sent / options.rate) * 1000;
      const p = one(result.sent, plannedAt).finally(() => inFlight.delete(p));
      inFlight.add(p);
    }
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(inFlight);
  result.seconds = (performance.now() - started) / 1000;
  await pool.close();
  result.latencies.sort((a, b) => a - b);
  return result;
}
