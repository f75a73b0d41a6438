// Bid submission on the real PostgreSQL (issue 13, item 3), paced open loop: bids start at evenly
// spaced moments whatever the answers do (bench/paced.ts), so a queue shows as latency instead of
// a lower rate. Two scenarios, each on jobs it alone bids on:
//   - "many clients": the jobs belong to 100 clients, as on a busy board;
//   - "one client": every job belongs to one client, who is told of every bid — the case where a
//     per-user row locked by each of that user's writes would queue them one after another.
// Targets in each: achieved ≥ 990 bids/s at 1,000/s offered, p99 ≤ 50 ms (from each bid's planned
// start), 0 lost (every 201 answer is a row in the database and no request failed).
// Server pinned to one core, this load generator to the other (bench/verdict.ts). Exits 1 on a miss.
//   node bench/bids.ts [rate] [seconds]    (needs `npm run build`; PostgreSQL at BENCH_DATABASE_URL or 127.0.0.1)
import { randomUUID } from "node:crypto";
import { BENCH_SERVER_ENV, benchDatabase, signUpVerified } from "./bench-postgres.ts";
import { paced } from "./paced.ts";
import { startServer } from "./server-process.ts";
import { percentiles } from "./timing.ts";
import * as bench from "./verdict.ts";

const RATE = Number(process.argv[2] ?? 1000);
const SECONDS = Number(process.argv[3] ?? 10);
const WARM_UP_SECONDS = 2;
const ASSISTANTS = 200;
const CLIENTS = 100;
const TARGET_RATE = RATE * 0.99;
const TARGET_P99_MS = 50;

const cpus = bench.pinLoadGenerator();
const database = await benchDatabase("assista_bench_bids");
const { url, db } = database;
const port = 3330;
const origin = `http://127.0.0.1:${port}`;
// Behind-a-proxy mode so each simulated person signs in from their own address (sign-in is
// throttled per address).
const server = await startServer(port, { DATABASE_URL: url, PUBLIC_URL: origin, ...BENCH_SERVER_ENV }, cpus);
const verdict = bench.createVerdict();

/** Open jobs of `clientIds` (round robin), written directly: the bench measures bidding, not posting. */
async function openJobs(clientIds: string[], count: number): Promise<string[]> {
  const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const ids = Array.from({ length: count }, () => randomUUID());
  for (let i = 0; i < count; i += 1000) {
    // Every other job wants 3 h overlap with Berlin office hours, so half the bids compute it.
    await db.query(
      `INSERT INTO job (id, client_id, title, description, categories, pricing_model, max_rate_minor, currency,
         expected_volume, start_date, bid_deadline, status, published_at, overlap)
       SELECT id, ($2::text[])[1 + (n % array_length($2::text[], 1))], 'Buchhaltung ' || id, 'Belege erfassen',
         '{bookkeeping}', 'hourly', 4000, 'EUR', 10, '2027-01-04', $3, 'open', now(),
         CASE WHEN n % 2 = 0 THEN '{"hours":3,"timeZone":"Europe/Berlin","from":"09:00","to":"17:00"}'::jsonb END
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
      [ids.slice(i, i + 1000), clientIds, deadline],
    );
  }
  return ids;
}

try {
  const signUp = (i: number, role: string) => signUpVerified(origin, db, i, role);
  const clients: string[] = [];
  for (let i = 0; i < CLIENTS; i++) clients.push((await signUp(i, "client")).id);
  const assistants: { cookie: string; id: string }[] = [];
  for (let i = 0; i < ASSISTANTS; i++) assistants.push(await signUp(CLIENTS + i, "assistant"));
  // Profiles with working hours, so bids on jobs that want an overlap compute it.
  for (const [i, a] of assistants.entries()) {
    const res = await fetch(`${origin}/api/v1/me/assistant-profile`, {
      method: "PUT",
      headers: { "content-type": "application/json", cookie: a.cookie, origin },
      body: JSON.stringify({
        headline: "Büroprofi",
        yearsExperience: 1 + (i % 20),
        timeZone: i % 2 ? "Europe/Berlin" : "America/New_York",
        weeklyHours: ["mon", "tue", "wed", "thu", "fri"].map((day) => ({ day, from: "09:00", to: "17:00" })),
      }),
    });
    if (!res.ok) throw new Error(`profile ${res.status} ${await res.text()}`);
  }

  const body = JSON.stringify({
    rateMinor: 3500,
    coverLetter: "Gern übernehme ich das.",
    answers: [],
    earliestStart: "2027-01-04",
  });
  const scenarios = [
    { name: "many clients", owners: clients },
    { name: "one client", owners: clients.slice(0, 1) },
  ];
  for (const scenario of scenarios) {
    const total = RATE * (WARM_UP_SECONDS + SECONDS);
    // Each bid a distinct (assistant, job) pair, so none is refused as a second bid.
    const jobs = await openJobs(scenario.owners, Math.ceil(total / ASSISTANTS));
    const request = (i: number) => ({
      path: `/api/v1/jobs/${jobs[Math.floor(i / ASSISTANTS)]}/bids`,
      headers: {
        "content-type": "application/json",
        cookie: (assistants[i % ASSISTANTS] as { cookie: string }).cookie,
        origin,
      },
      body,
    });
    const warmUp = RATE * WARM_UP_SECONDS;
    await paced({ origin, rate: RATE, seconds: WARM_UP_SECONDS, connections: 200, request });
    const result = await paced({
      origin,
      rate: RATE,
      seconds: SECONDS,
      connections: 200,
      request: (i) => request(warmUp + i),
    });
    const created = result.statuses.get(201) ?? 0;
    const measuredJobs = jobs.slice(Math.floor(warmUp / ASSISTANTS));
    const { rows } = await db.query<{ n: string }>(
      "SELECT count(*) AS n FROM bid WHERE job_id = ANY($1::uuid[])",
      [measuredJobs],
    );
    const stored = Number(rows[0]?.n);
    const others = [...result.statuses].filter(([status]) => status !== 201);
    console.log(
      `${scenario.name}: ${result.sent} bids offered at ${RATE}/s in ${result.seconds.toFixed(1)} s; latency ${percentiles(result.latencies, [0.5, 0.99])}; 201 × ${created}${others.map(([s, n]) => `, ${s} × ${n}`).join("")}, failed ${result.errors}; rows ${stored}`,
    );
    verdict.check(
      `${scenario.name}: achieved bids/s`,
      created / result.seconds,
      TARGET_RATE,
      "atLeast",
      "",
      0,
    );
    verdict.check(
      `${scenario.name}: p99 ms`,
      result.latencies[Math.floor(0.99 * (result.latencies.length - 1))] ?? Number.POSITIVE_INFINITY,
      TARGET_P99_MS,
      "atMost",
      " ms",
      1,
    );
    // Lost: offered bids that did not end as rows (errors, 5xx, refusals), counted in the database.
    verdict.check(`${scenario.name}: lost`, result.sent - stored, 0, "atMost", "", 0);
    verdict.check(`${scenario.name}: rows ≠ 201 answers`, Math.abs(stored - created), 0, "atMost", "", 0);
  }
  console.log(bench.loadAverage());
  verdict.finish();
} finally {
  await server.stop();
  await database.drop();
}
