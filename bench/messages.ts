// Live message delivery across two instances over Redis (issue: messaging), on the real PostgreSQL.
// Messages are posted at a fixed rate spread over the threads, alternately to instance A and B as a
// load balancer would; clients' sockets are on A and assistants' on B, so every message is
// received on both instances and half the receipts cross from one instance to the other. Targets at
// 1,000 messages/s over 500 threads, in each of three runs: send-to-receipt latency on the other
// participant's socket p50 ≤ 20 ms, p99 ≤ 100 ms; every acknowledged message received exactly once
// by every connected participant (0 lost, 0 doubled). Exits 1 on any miss.
//
// Cores (bench/verdict.ts): the machine has two. Both instances share core 1 (SERVER_CPUS): what
// they cost together is what 1,000 messages/s cost a deployment, and neither can borrow the load
// generator's core. The load generator and the socket listeners' worker thread share core 0
// (LOAD_CPUS; a worker inherits its parent's pinning): receiving is the clients' work, not the
// servers'. PostgreSQL and Redis are system services and stay unpinned.
//
// The three runs go to the same two running instances, one after the other, after one warm-up:
// the target is the steady state of a running service, and fresh instances would only add a cold
// JIT and empty caches to each run (bench/cold-start.ts measures a fresh start). Each run counts
// only its own messages, so a delivery late or doubled from one run cannot hide in the next.
// Needs `npm run build`, PostgreSQL and Redis.
//   node bench/messages.ts [rate] [seconds per run]
import { randomUUID } from "node:crypto";
import { readFileSync } from "node:fs";
import { Worker } from "node:worker_threads";
import { BENCH_SERVER_ENV, benchDatabase } from "./bench-postgres.ts";
import { paced } from "./paced.ts";
import { startServer } from "./server-process.ts";
import { signedInCrowd } from "./signed-in-crowd.ts";
import type { Listener, Receipt } from "./socket-listeners.ts";
import { createVerdict, loadAverage, pinLoadGenerator } from "./verdict.ts";

const RATE = Number(process.argv[2] ?? 1000);
const SECONDS = Number(process.argv[3] ?? 15);
const RUNS = 3;
const WARM_UP_SECONDS = 3;
const THREADS = 500;
// Each thread its own client and assistant (1,000 people), two messages a second per thread.
const CLIENTS = THREADS;
const ASSISTANTS = THREADS;
const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
const cpus = pinLoadGenerator();
const bench = await benchDatabase("assista_bench_msg");
const { url, db } = bench;
const [portA, portB] = [3350, 3351];
// One public origin for both, as behind a load balancer.
const origin = `http://127.0.0.1:${portA}`;
const secret = "bench-secret-bench-secret-bench-secret-0123";
const env = {
  DATABASE_URL: url,
  REDIS_URL: redisUrl,
  PUBLIC_URL: origin,
  AUTH_SECRET: secret,
  ...BENCH_SERVER_ENV,
  MESSAGES_PER_MINUTE: "100000",
  // `CPU_PROF_DIR=dir node bench/messages.ts` writes both instances' CPU profiles there on exit.
  ...(process.env.CPU_PROF_DIR
    ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${process.env.CPU_PROF_DIR}` }
    : {}),
};
const a = await startServer(portA, env, cpus);
const b = await startServer(portB, env, cpus);
let stopWorker: () => Promise<void> = async () => {};
const verdict = createVerdict();

try {
  const clients = await signedInCrowd(origin, db, secret, "client", CLIENTS, 0);
  const assistants = await signedInCrowd(origin, db, secret, "assistant", ASSISTANTS, 10_000);

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
        if (status !== 201) return;
        const i = 2 * k + parity;
        const thread = threads[i % THREADS] as (typeof threads)[number];
        acknowledged.push({ key: `${prefix} ${i}`, recipients: [thread.client.id, thread.assistant.id] });
      },
    });
  // CPU seconds the two instances spent (user + system, all threads): per message it is the figure
  // least moved by other load on the machine.
  const ticks = 100; // USER_HZ: the clock ticks /proc/<pid>/stat counts in on Linux
  const cpuSeconds = () =>
    [a, b].reduce((sum, s) => {
      const fields = readFileSync(`/proc/${s.child.pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
      return sum + (Number(fields[11]) + Number(fields[12])) / ticks;
    }, 0);
  const p = (q: number, of: number[]) => of[Math.floor(q * (of.length - 1))] ?? Number.NaN;

  /** One measured run: posts for SECONDS, lets deliveries land, checks this run's figures. */
  async function measure(run: number) {
    const prefix = `run${run}`;
    const cpuBefore = cpuSeconds();
    const runs = await Promise.all([post(portA, 0, prefix, SECONDS), post(portB, 1, prefix, SECONDS)]);
    // Deliveries still in flight get a moment to land (and the worker to hand them over).
    await new Promise((r) => setTimeout(r, 2_000));
    const cpu = cpuSeconds() - cpuBefore;
    const http = runs.flatMap((r) => r.latencies).sort((x, y) => x - y);
    const rate = runs.reduce((sum, r) => sum + r.sent / r.seconds, 0);
    const sent = runs.reduce((sum, r) => sum + r.sent, 0);
    const ours = acknowledged.filter((m) => m.key.startsWith(`${prefix} `));
    const counts = new Map<string, number>();
    const latencies: number[] = [];
    // From the server's time of the message (just before it is written) to receipt: the delivery
    // path alone, without the wait in the load generator's queue.
    const fromCommit: number[] = [];
    let unexpected = 0;
    for (const r of receipts) {
      if (!r.key.startsWith(`${prefix} `)) continue;
      const started = sentAt.get(r.key);
      if (started === undefined) {
        unexpected += 1;
        continue;
      }
      counts.set(`${r.key}|${r.userId}`, (counts.get(`${r.key}|${r.userId}`) ?? 0) + 1);
      latencies.push(r.at - started);
      fromCommit.push(r.at - Date.parse(r.createdAt));
    }
    let lost = 0;
    let doubled = 0;
    for (const m of ours) {
      for (const userId of m.recipients) {
        const count = counts.get(`${m.key}|${userId}`) ?? 0;
        if (count === 0) lost += 1;
        if (count > 1) doubled += 1;
      }
    }
    latencies.sort((x, y) => x - y);
    fromCommit.sort((x, y) => x - y);
    console.log(
      `run ${run}: posted ${rate.toFixed(0)} msg/s (target ${RATE}, evenly paced) over ${Math.max(...runs.map((r) => r.seconds)).toFixed(1)} s, ${THREADS} threads; ${loadAverage()}`,
    );
    console.log(
      `  HTTP answer p50 ${p(0.5, http).toFixed(1)} ms, p99 ${p(0.99, http).toFixed(1)} ms; 201 answers ${ours.length} of ${sent}; ${latencies.length} receipts; both instances' CPU ${((cpu * 1000) / sent).toFixed(2)} ms per message`,
    );
    console.log(
      `  server's message time to receipt: p50 ${p(0.5, fromCommit).toFixed(1)} ms, p99 ${p(0.99, fromCommit).toFixed(1)} ms`,
    );
    verdict.check(`run ${run} send-to-receipt p50`, p(0.5, latencies), 20, "atMost", " ms", 1);
    verdict.check(`run ${run} send-to-receipt p99`, p(0.99, latencies), 100, "atMost", " ms", 1);
    verdict.check(`run ${run} messages not accepted (not 201)`, sent - ours.length, 0, "atMost", "", 0);
    verdict.check(`run ${run} receipts lost`, lost, 0, "atMost", "", 0);
    verdict.check(`run ${run} receipts doubled`, doubled + unexpected, 0, "atMost", "", 0);
  }

  // A warm-up at the same rate first (code compiled, connections and caches filled), not counted:
  // the figure is the steady state of a running service.
  await Promise.all([post(portA, 0, "warm-up", WARM_UP_SECONDS), post(portB, 1, "warm-up", WARM_UP_SECONDS)]);
  await new Promise((r) => setTimeout(r, 1_000));
  for (let run = 1; run <= RUNS; run++) await measure(run);
} finally {
  await stopWorker();
  await Promise.all([a.stop(), b.stop()]);
  await bench.drop();
}
verdict.finish();
