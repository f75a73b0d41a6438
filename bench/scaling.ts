// "No hot path grows with data": the p95 latency of each hot list route with 100,000 rows in the
// table it reads against the same route with 100 rows (target ≤ 1.5 ×), on PostgreSQL. Two
// built servers run side by side, one on a database seeded with 100 rows per table and one with
// 100,000 (bulk SQL, then ANALYZE); the requests go to both in turn, one at a time, so a drift
// of the machine's speed (or another process's burst) falls on both alike. Every page holds as many rows in both
// (the lists are paged), so only the table size differs. Exits 1 on a miss.
//   node bench/scaling.ts [requests per route and round] [rounds]
//   (needs `npm run build`; PostgreSQL at BENCH_DATABASE_URL or 127.0.0.1)
import type pg from "pg";
import { BENCH_SERVER_ENV, benchDatabase, signUpVerified } from "./bench-postgres.ts";
import { startServer } from "./server-process.ts";
import { percentiles } from "./timing.ts";
import * as bench from "./verdict.ts";

const perRound = Number(process.argv[2] ?? 60);
const rounds = Number(process.argv[3] ?? 5);
const SMALL = 100;
const LARGE = 100_000;
const TARGET = 1.5;
/** Interviews still to come: the same few in both worlds, as a calendar holds weeks, not years. */
const UPCOMING = 10;

/** The job whose bids the client reviews. */
const REVIEW_JOB = "00000000-0000-4000-8000-000000000001";

/**
 * `n` rows in each table a hot list reads: assistants (users), open jobs on the board, bids on
 * the client's one job (each with its thread, both participants and a message), notifications
 * of the client, and interviews of the client (all but UPCOMING of them past).
 */
async function seed(db: pg.Client, n: number, clientId: string) {
  const deadline = new Date(Date.now() + 30 * 86_400_000).toISOString();
  await db.query(
    `INSERT INTO "user" (id, name, email, email_verified, roles)
     SELECT 'seed-' || g, 'Assistentin ' || g, 'seed-' || g || '@bench.assista.test', true, '{assistant}'
     FROM generate_series(1, $1) g`,
    [n],
  );
  await db.query(
    `INSERT INTO job (client_id, title, description, categories, pricing_model, max_rate_minor, currency,
       expected_volume, start_date, bid_deadline, status, published_at, created_at)
     SELECT $2, 'Buchhaltung ' || g, 'Belege erfassen und abstimmen', '{bookkeeping}', 'hourly', 4000, 'EUR', 10,
       '2027-01-04', $3, 'open', now() - g * interval '1 minute', now() - g * interval '1 minute'
     FROM generate_series(1, $1) g`,
    [n, clientId, deadline],
  );
  await db.query(
    `INSERT INTO job (id, client_id, title, description, categories, pricing_model, max_rate_minor, currency,
       expected_volume, start_date, bid_deadline, status, published_at)
     VALUES ($1, $2, 'Review', 'Büroorganisation', '{bookkeeping}', 'hourly', 4000, 'EUR', 10, '2027-01-04', $3,
       'open', now())`,
    [REVIEW_JOB, clientId, deadline],
  );
  await db.query(
    `INSERT INTO bid (job_id, assistant_id, rate_minor, currency, cover_letter, earliest_start, overlap_minutes,
       years_experience, created_at)
     SELECT $2, 'seed-' || g, 1 + (g * 7919) % 4000, 'EUR', 'Anschreiben ' || g, '2027-01-04',
       CASE WHEN g % 10 = 0 THEN NULL ELSE (g * 31) % 480 END, CASE WHEN g % 9 = 0 THEN NULL ELSE g % 40 END,
       now() - g * interval '1 second'
     FROM generate_series(1, $1) g`,
    [n, REVIEW_JOB],
  );
  await db.query(
    `INSERT INTO thread (kind, bid_id, last_activity_at, created_at)
     SELECT 'bid', id, created_at, created_at FROM bid WHERE job_id = $1`,
    [REVIEW_JOB],
  );
  await db.query(
    `INSERT INTO thread_participant (thread_id, user_id, last_activity_at)
     SELECT t.id, p.user_id, t.last_activity_at FROM thread t JOIN bid b ON b.id = t.bid_id,
       LATERAL (VALUES ($1::text), (b.assistant_id)) p(user_id)`,
    [clientId],
  );
  await db.query(
    `INSERT INTO message (thread_id, sender_id, body, created_at)
     SELECT t.id, b.assistant_id, 'Guten Tag, kurze Rückfrage zu den Zeiten.', t.last_activity_at
     FROM thread t JOIN bid b ON b.id = t.bid_id`,
  );
  await db.query(
    `INSERT INTO notification (user_id, type, data, created_at)
     SELECT $2, 'bid.received', jsonb_build_object('jobId', $3::text, 'bidId', gen_random_uuid(), 'jobTitle', 'Review'),
       now() - g * interval '1 second'
     FROM generate_series(1, $1) g`,
    [n, clientId, REVIEW_JOB],
  );
  // Confirmed at one time each (a past one cancelled now and then): the first UPCOMING days ahead, the
  // rest an hour apart into the past.
  await db.query(
    `INSERT INTO interview (bid_id, client_id, assistant_id, status, duration_minutes, proposals, starts_at, ends_at)
     SELECT id, $1, assistant_id, CASE WHEN k > $2 AND k % 7 = 0 THEN 'cancelled' ELSE 'confirmed' END, 30,
       jsonb_build_array(jsonb_build_object(
         'start', to_char(s AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
         'end', to_char((s + interval '30 minutes') AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'))),
       s, s + interval '30 minutes'
     FROM (SELECT id, assistant_id, k,
             date_trunc('minute', CASE WHEN k <= $2 THEN now() + k * interval '1 day'
                                       ELSE now() - (k - $2) * interval '1 hour' END) AS s
           FROM (SELECT id, assistant_id, row_number() OVER (ORDER BY id) AS k FROM bid WHERE job_id = $3) b) x`,
    [clientId, UPCOMING, REVIEW_JOB],
  );
  await db.query("ANALYZE");
}

/** A server on its own database with `n` rows per table, and the client signed in. */
async function world(n: number, port: number) {
  const database = await benchDatabase(`assista_bench_scale_${n}`);
  const origin = `http://127.0.0.1:${port}`;
  try {
    const server = await startServer(port, {
      ...BENCH_SERVER_ENV,
      DATABASE_URL: database.url,
      PUBLIC_URL: origin,
    });
    const client = await signUpVerified(origin, database.db, 1, "client");
    const started = performance.now();
    await seed(database.db, n, client.id);
    console.log(`${n} rows per table seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return {
      n,
      origin,
      cookie: client.cookie,
      async stop() {
        await server.stop();
        await database.drop();
      },
    };
  } catch (error) {
    await database.drop();
    throw error;
  }
}

type World = Awaited<ReturnType<typeof world>>;

interface Route {
  name: string;
  path: string;
  signedIn: boolean;
  /** Items the first page must hold in both worlds, so both answer the same amount. */
  items: number;
}

const routes: Route[] = [
  { name: "job board, first page", path: "/api/v1/job-board", signedIn: false, items: 20 },
  ...["submitted", "rate", "overlap", "experience"].flatMap((sort) =>
    ["desc", "asc"].map((order) => ({
      name: `bids by ${sort} ${order}`,
      path: `/api/v1/jobs/${REVIEW_JOB}/bids?sort=${sort}&order=${order}`,
      signedIn: true,
      items: 50,
    })),
  ),
  { name: "threads (inbox)", path: "/api/v1/threads", signedIn: true, items: 20 },
  { name: "notifications", path: "/api/v1/notifications", signedIn: true, items: 20 },
  { name: "interviews, upcoming", path: "/api/v1/interviews", signedIn: true, items: UPCOMING },
  { name: "interviews, past", path: "/api/v1/interviews?view=past", signedIn: true, items: 20 },
];

/** Milliseconds of one request, body read; throws unless it answers 200 with a full page. */
async function timed(w: World, route: Route): Promise<number> {
  const started = performance.now();
  const res = await fetch(
    `${w.origin}${route.path}`,
    route.signedIn ? { headers: { cookie: w.cookie } } : {},
  );
  const body = await res.text();
  const ms = performance.now() - started;
  if (res.status !== 200) throw new Error(`${route.name} at ${w.n}: ${res.status} ${body}`);
  const items = (JSON.parse(body) as { items: unknown[] }).items.length;
  if (items !== route.items)
    throw new Error(`${route.name} at ${w.n}: ${items} items, expected ${route.items}`);
  return ms;
}

const small = await world(SMALL, 3361);
const large = await world(LARGE, 3362).catch(async (error) => {
  await small.stop();
  throw error;
});
const verdict = bench.createVerdict();
try {
  const times = new Map(routes.map((r) => [r.name, { small: [] as number[], large: [] as number[] }]));
  // Warm-up: connections, JIT, plan caches and buffers, on both.
  for (const route of routes)
    for (let i = 0; i < 10; i++) for (const w of [small, large]) await timed(w, route);
  const started = performance.now();
  for (let round = 0; round < rounds; round++) {
    // Which world goes first alternates too.
    const order = round % 2 ? [large, small] : [small, large];
    for (const route of routes) {
      const t = times.get(route.name);
      // Request by request in turn: a burst of load from elsewhere hits both sizes alike.
      for (let i = 0; i < perRound; i++)
        for (const w of order) t?.[w === small ? "small" : "large"].push(await timed(w, route));
    }
  }
  console.log(
    `${rounds} rounds of ${perRound} requests per route and size in ${((performance.now() - started) / 1000).toFixed(1)} s, ${bench.loadAverage()}`,
  );
  for (const route of routes) {
    const t = times.get(route.name) ?? { small: [], large: [] };
    const s = t.small.sort((a, b) => a - b);
    const l = t.large.sort((a, b) => a - b);
    const p95 = (sorted: number[]) => sorted[Math.floor(0.95 * (sorted.length - 1))] ?? Number.NaN;
    console.log(
      `${route.name}: p95 at 100k ${p95(l).toFixed(2)} ms / p95 at 100 ${p95(s).toFixed(2)} ms = ${(p95(l) / p95(s)).toFixed(2)} (target ≤ ${TARGET})`,
    );
    console.log(`  100: ${percentiles(s, [0.5, 0.95, 0.99])}; 100k: ${percentiles(l, [0.5, 0.95, 0.99])}`);
    verdict.check(`${route.name} p95 100k / 100`, p95(l) / p95(s), TARGET, "atMost", " ×");
  }
} finally {
  await small.stop();
  await large.stop();
}
verdict.finish();
