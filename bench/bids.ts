// Bid submission and bid listing on the real PostgreSQL (issue: marketplace core).
//   node bench/bids.ts [requests]    (needs `npm run build`; PostgreSQL at BENCH_DATABASE_URL or 127.0.0.1)
// Targets: ≥ 1,000 bids/s sustained, p99 ≤ 50 ms, 0 errors, bids in the database = 201 answers;
// listing the 500 bids of one job, sorted (each sort the review offers): p95 ≤ 20 ms.
// BENCH_CONNECTIONS sets the number of concurrent bidders (default 20).
import { randomUUID } from "node:crypto";
import autocannon from "autocannon";
import { BENCH_SERVER_ENV, benchDatabase, signUpVerified } from "./bench-postgres.ts";
import { startServer } from "./server-process.ts";

// A fixed number of requests (not a duration), so every answer is counted and can be compared
// with the rows in the database afterwards.
const amount = Number(process.argv[2] ?? 20_000);
// Twenty assistants' browsers bidding at once, each waiting for its answer before the next bid.
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 20);
const JOBS = 10_000;
const ASSISTANTS = 200;
const bench = await benchDatabase("assista_bench");
const { url, db } = bench;
const port = 3330;
const origin = `http://127.0.0.1:${port}`;

// Behind-a-proxy mode so each simulated assistant signs in from its own address (sign-in is throttled per address).
const server = await startServer(port, {
  DATABASE_URL: url,
  PUBLIC_URL: origin,
  ...BENCH_SERVER_ENV,
});

try {
  const signUp = (i: number, role: string) => signUpVerified(origin, db, i, role);

  const client = await signUp(0, "client");
  const assistants: { cookie: string; id: string }[] = [];
  for (let i = 1; i <= ASSISTANTS; i++) assistants.push(await signUp(i, "assistant"));
  // Assistants with profiles and working hours, so bids on jobs that want an overlap compute it.
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

  // 10,000 open jobs, written directly: the bench measures bidding, not posting. Every other job
  // wants 3 h overlap with Berlin office hours.
  const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const jobIds = Array.from({ length: JOBS }, () => randomUUID());
  for (let i = 0; i < JOBS; i += 1000) {
    const slice = jobIds.slice(i, i + 1000);
    await db.query(
      `INSERT INTO job (id, client_id, title, description, categories, pricing_model, max_rate_minor, currency,
         expected_volume, start_date, bid_deadline, status, published_at, overlap)
       SELECT id, $2, 'Buchhaltung ' || id, 'Belege erfassen', '{bookkeeping}', 'hourly', 4000, 'EUR', 10,
         '2027-01-04', $3, 'open', now(),
         CASE WHEN n % 2 = 0 THEN '{"hours":3,"timeZone":"Europe/Berlin","from":"09:00","to":"17:00"}'::jsonb END
       FROM unnest($1::uuid[]) WITH ORDINALITY AS t(id, n)`,
      [slice, client.id, deadline],
    );
  }

  let k = 0;
  const body = JSON.stringify({
    rateMinor: 3500,
    coverLetter: "Gern übernehme ich das.",
    answers: [],
    earliestStart: "2027-01-04",
  });
  const result = await autocannon({
    url: origin,
    connections: CONNECTIONS,
    amount,
    requests: [
      {
        method: "POST",
        setupRequest(req) {
          // Every request a distinct (assistant, job) pair, so no duplicate bids.
          const n = k++;
          const a = assistants[n % ASSISTANTS] as { cookie: string };
          const job = jobIds[Math.floor(n / ASSISTANTS) % JOBS];
          return {
            ...req,
            path: `/api/v1/jobs/${job}/bids`,
            headers: { "content-type": "application/json", cookie: a.cookie, origin },
            body,
          };
        },
      },
    ],
  });
  const { rows } = await db.query<{ n: string; overlap: string }>(
    "SELECT count(*) AS n, count(overlap_minutes) AS overlap FROM bid",
  );
  console.log(
    `bids: ${result.requests.average.toFixed(0)} req/s average over ${result.duration.toFixed(1)} s, p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms`,
  );
  console.log(
    `      201 answers ${result["2xx"]}, non-2xx ${result.non2xx}, errors ${result.errors}, timeouts ${result.timeouts}`,
  );
  console.log(
    `      bids in the database ${rows[0]?.n} (must equal the 201 answers), ${rows[0]?.overlap} with a working-hour overlap`,
  );

  // Listing: one job with 500 bids from 500 distinct assistants.
  const listJob = randomUUID();
  await db.query(
    `INSERT INTO job (id, client_id, title, description, categories, pricing_model, max_rate_minor, currency,
       expected_volume, start_date, bid_deadline, status, published_at)
     VALUES ($1, $2, 'Listing', 'x', '{bookkeeping}', 'hourly', 4000, 'EUR', 10, '2027-01-04', $3, 'open', now())`,
    [listJob, client.id, deadline],
  );
  await db.query(
    `INSERT INTO "user" (id, name, email, email_verified, roles)
     SELECT 'bench-' || g, 'Assistant ' || g, 'list-' || g || '@bench.assista.test', true, '{assistant}' FROM generate_series(1, 500) g`,
  );
  await db.query(
    `INSERT INTO bid (job_id, assistant_id, rate_minor, currency, cover_letter, earliest_start, overlap_minutes)
     SELECT $1, 'bench-' || g, 1500 + (g * 37) % 2500, 'EUR', 'Anschreiben ' || g, '2027-01-04', (g * 53) % 480
     FROM generate_series(1, 500) g`,
    [listJob],
  );
  await db.query(
    `INSERT INTO assistant_profile (user_id, headline, years_experience, time_zone)
     SELECT 'bench-' || g, 'Büroprofi', g % 30, 'Europe/Berlin' FROM generate_series(1, 500) g`,
  );
  for (const sort of ["rate", "experience", "overlap", "submitted"]) {
    const times: number[] = [];
    for (let i = 0; i < 300; i++) {
      const started = performance.now();
      const res = await fetch(`${origin}/api/v1/jobs/${listJob}/bids?sort=${sort}&order=desc&limit=50`, {
        headers: { cookie: client.cookie },
      });
      await res.arrayBuffer();
      if (i >= 20) times.push(performance.now() - started);
      if (!res.ok) throw new Error(`list ${res.status}`);
    }
    times.sort((a, b) => a - b);
    const p = (q: number) => times[Math.floor(q * (times.length - 1))]?.toFixed(1);
    console.log(
      `list 500 bids sorted by ${sort} (page of 50): p50 ${p(0.5)} ms, p95 ${p(0.95)} ms (target ≤ 20 ms)`,
    );
  }
} finally {
  await server.stop();
  await bench.drop();
}
