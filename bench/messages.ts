// Live message delivery across two instances over Redis (issue: messaging), on the real PostgreSQL.
// Messages are posted at a fixed rate spread over the threads, alternately to instance A and B as a
// load balancer would; clients' sockets are on A and assistants' on B, so every message is
// received on both instances and half the receipts cross from one instance to the other. Targets at 1,000 messages/s over 500 threads: send-to-receipt latency on
// the other participant's socket p50 ≤ 20 ms, p99 ≤ 100 ms; every acknowledged message received
// exactly once by every connected participant. Needs `npm run build`, PostgreSQL and Redis.
//   node bench/messages.ts [rate] [seconds]
import { randomUUID } from "node:crypto";
import { Worker } from "node:worker_threads";
import { BENCH_SERVER_ENV, benchDatabase, signUpVerified } from "./bench-postgres.ts";
import { paced } from "./paced.ts";
import { startServer } from "./server-process.ts";
import type { Listener, Receipt } from "./socket-listeners.ts";

const RATE = Number(process.argv[2] ?? 1000);
const SECONDS = Number(process.argv[3] ?? 20);
const WARM_UP_SECONDS = 3;
const THREADS = 500;
// Each thread its own client and assistant (1,000 people), two messages a second per thread.
const CLIENTS = THREADS;
const ASSISTANTS = THREADS;
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const bench = await benchDatabase("assista_bench_msg");
const { url, db } = bench;
const [portA, portB] = [3350, 3351];
// One public origin for both, as behind a load balancer.
const origin = `http://127.0.0.1:${portA}`;
const env = {
  DATABASE_URL: url,
  REDIS_URL: redisUrl,
  PUBLIC_URL: origin,
  AUTH_SECRET: "bench-secret-bench-secret-bench-secret-0123",
  ...BENCH_SERVER_ENV,
  MESSAGES_PER_MINUTE: "100000",
};
const a = await startServer(portA, env);
const b = await startServer(portB, env);
let stopWorker: () => Promise<void> = async () => {};

try {
  const signUp = (i: number, role: string) => signUpVerified(origin, db, i, role);
  // Sixteen sign-ups at a time: password hashing is the slow part, and it runs on worker threads.
  async function signUpMany(count: number, offset: number, role: string) {
    const out: Awaited<ReturnType<typeof signUp>>[] = [];
    for (let i = 0; i < count; i += 16) {
      const batch = Array.from({ length: Math.min(16, count - i) }, (_, k) => signUp(offset + i + k, role));
      out.push(...(await Promise.all(batch)));
    }
    return out;
  }
  const clients = await signUpMany(CLIENTS, 0, "client");
  const assistants = await signUpMany(ASSISTANTS, 10_000, "assistant");

  // Jobs and bids written directly (the bench measures messaging); threads opened through the API.
  const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const jobs = clients.map((c) => ({ id: randomUUID(), client: c }));
  for (const j of jobs) {
    await db.query(
      `INSERT INTO job (id, client_id, title, description, categories, pricing_model, max_rate_minor, currency,
         expected_volume, start_date, bid_deadline, status, published_at)
       VALUES ($1, $2, 'Buchhaltung', 'Belege erfassen', '{bookkeeping}', 'hourly', 4000, 'EUR', 10, '2027-01-04', $3, 'open', now())`,
      [j.id, j.client.id, deadline],
    );
  }
  const threads: { id: string; client: (typeof clients)[number]; assistant: (typeof assistants)[number] }[] =
    [];
  for (let t = 0; t < THREADS; t++) {
    const j = jobs[t % jobs.length] as (typeof jobs)[number];
    // Distinct (job, assistant) pairs: a job's five bidders differ in t / 100.
    const assistant = assistants[
      Math.floor(t / jobs.length) + 5 * ((t % jobs.length) % 4)
    ] as (typeof assistants)[number];
    const bidId = randomUUID();
    await db.query(
      `INSERT INTO bid (id, job_id, assistant_id, rate_minor, currency, cover_letter, earliest_start)
       VALUES ($1, $2, $3, 3000, 'EUR', 'Gern.', '2027-01-04')`,
      [bidId, j.id, assistant.id],
    );
    const res = await fetch(`${origin}/api/v1/bids/${bidId}/thread`, {
      method: "POST",
      headers: { cookie: j.client.cookie, origin },
    });
    if (!res.ok) throw new Error(`thread ${res.status} ${await res.text()}`);
    threads.push({ id: ((await res.json()) as { id: string }).id, client: j.client, assistant });
  }

  // Every participant's socket, in a worker thread of its own; receipts are timed against the
  // absolute time of sending.
  const now = () => performance.timeOrigin + performance.now();
  const sentAt = new Map<string, number>();
  const receipts: Receipt[] = [];
  const listeners: Listener[] = [
    ...clients.map((c) => ({ userId: c.id, cookie: c.cookie, port: portA })),
    ...assistants.map((a) => ({ userId: a.id, cookie: a.cookie, port: portB })),
  ];
  const worker = new Worker(new URL("./socket-listeners.ts", import.meta.url), {
    workerData: { listeners, origin },
  });
  const stopped = new Promise<void>((resolve, reject) => {
    worker.on("error", reject);
    worker.on("message", (m: { type: string; receipts?: Receipt[] }) => {
      if (m.type === "receipts") receipts.push(...(m.receipts ?? []));
      if (m.type === "stopped") resolve();
    });
  });
  await new Promise<void>((resolve, reject) => {
    worker.once("error", reject);
    worker.on("message", (m: { type: string }) => m.type === "ready" && resolve());
  });
  let stopping = false;
  stopWorker = () => {
    if (!stopping) worker.postMessage({ type: "stop" });
    stopping = true;
    return stopped;
  };

  const acknowledged: { key: string; recipients: string[] }[] = [];
  // One paced load generator per instance, each at half the rate, drawing from one sequence.
  const post = (port: number, parity: number, prefix: string, seconds: number) =>
    paced({
      origin: `http://127.0.0.1:${port}`,
      rate: RATE / 2,
      seconds,
      connections: 50,
      request(k) {
        const i = 2 * k + parity;
        const thread = threads[i % THREADS] as (typeof threads)[number];
        const sender = i % 4 < 2 ? thread.client : thread.assistant;
        const key = `${prefix} ${i}`;
        sentAt.set(key, now());
        return {
          path: `/api/v1/threads/${thread.id}/messages`,
          headers: { "content-type": "application/json", cookie: sender.cookie, origin },
          body: JSON.stringify({ body: key }),
        };
      },
      answered(k, status) {
        if (status !== 201 || prefix !== "bench") return;
        const i = 2 * k + parity;
        const thread = threads[i % THREADS] as (typeof threads)[number];
        acknowledged.push({ key: `bench ${i}`, recipients: [thread.client.id, thread.assistant.id] });
      },
    });
  // A warm-up at the same rate first (code compiled, connections and caches filled), not counted:
  // the figure is the steady state of a running service.
  await Promise.all([post(portA, 0, "warm-up", WARM_UP_SECONDS), post(portB, 1, "warm-up", WARM_UP_SECONDS)]);
  const runs = await Promise.all([post(portA, 0, "bench", SECONDS), post(portB, 1, "bench", SECONDS)]);
  const http = runs.flatMap((r) => r.latencies).sort((x, y) => x - y);
  const result = {
    rate: runs.reduce((sum, r) => sum + r.sent / r.seconds, 0),
    duration: Math.max(...runs.map((r) => r.seconds)),
    non2xx: runs.reduce((sum, r) => sum + r.sent - r.errors - (r.statuses.get(201) ?? 0), 0),
    errors: runs.reduce((sum, r) => sum + r.errors, 0),
  };
  // Deliveries still in flight get a moment to land before counting.
  await new Promise((r) => setTimeout(r, 2_000));
  await stopWorker();
  const counts = new Map<string, number>();
  const latencies: number[] = [];
  // From the server's time of the message (just before it is written) to receipt: the delivery
  // path alone, without the wait in the load generator's queue.
  const fromCommit: number[] = [];
  let unexpected = 0;
  for (const r of receipts) {
    if (r.key.startsWith("warm-up")) continue;
    const started = sentAt.get(r.key);
    if (started === undefined) {
      unexpected += 1;
      continue;
    }
    counts.set(`${r.key}|${r.userId}`, (counts.get(`${r.key}|${r.userId}`) ?? 0) + 1);
    latencies.push(r.at - started);
    fromCommit.push(r.at - Date.parse(r.createdAt));
  }
  let missing = 0;
  let duplicated = 0;
  for (const m of acknowledged) {
    for (const userId of m.recipients) {
      const count = counts.get(`${m.key}|${userId}`) ?? 0;
      if (count === 0) missing += 1;
      if (count > 1) duplicated += 1;
    }
  }
  latencies.sort((x, y) => x - y);
  fromCommit.sort((x, y) => x - y);
  const p = (q: number, of = latencies) => of[Math.floor(q * (of.length - 1))]?.toFixed(1);
  console.log(
    `posted on A and B: ${result.rate.toFixed(0)} msg/s (target rate ${RATE}, evenly paced) over ${result.duration.toFixed(1)} s, ${THREADS} threads; HTTP answer p50 ${p(0.5, http)} ms, p99 ${p(0.99, http)} ms`,
  );
  console.log(
    `             201 answers ${acknowledged.length}, other answers ${result.non2xx}, errors ${result.errors}`,
  );
  console.log(
    `received:    send-to-receipt p50 ${p(0.5)} ms, p99 ${p(0.99)} ms (targets ≤ 20 ms, ≤ 100 ms); ${latencies.length} receipts`,
  );
  console.log(
    `             from the server's message time to receipt: p50 ${p(0.5, fromCommit)} ms, p99 ${p(0.99, fromCommit)} ms`,
  );
  console.log(
    `             missing ${missing}, duplicated ${duplicated}, unexpected ${unexpected} (each must be 0)`,
  );
} finally {
  await stopWorker();
  await Promise.all([a.stop(), b.stop()]);
  await bench.drop();
}
