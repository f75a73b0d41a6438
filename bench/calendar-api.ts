// Interview slots and calendar feeds through the API, on the real PostgreSQL (issue: interviews and
// calendars). Targets: the common slots of two people with 200 busy events each over 4 weeks,
// p95 ≤ 5 ms of computation (printed from the server's point of view: request to answer on loopback);
// an iCalendar feed of 1,000 events ≤ 50 ms.
//   node bench/calendar-api.ts    (needs `npm run build`; PostgreSQL at BENCH_DATABASE_URL or 127.0.0.1)
import { randomUUID } from "node:crypto";
import { BENCH_SERVER_ENV, benchDatabase, signUpVerified } from "./bench-postgres.ts";
import { startServer } from "./server-process.ts";
import { percentiles } from "./timing.ts";

const RUNS = 500;
const DAY = 86_400_000;
const bench = await benchDatabase("assista_bench_cal");
const { url, db } = bench;
const port = 3340;
const origin = `http://127.0.0.1:${port}`;
// /metrics answers only with a token (or on a port of its own).
const metricsToken = randomUUID() + randomUUID();
const server = await startServer(port, {
  DATABASE_URL: url,
  PUBLIC_URL: origin,
  METRICS_TOKEN: metricsToken,
  ...BENCH_SERVER_ENV,
});

/** Times `runs` sequential GETs (after a warm-up), sorted, in ms. */
async function timeGets(path: string, cookie: string | undefined, runs: number) {
  const get = async () => {
    const res = await fetch(`${origin}${path}`, { headers: cookie ? { cookie, origin } : {} });
    if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
    return res.text();
  };
  for (let i = 0; i < 20; i++) await get();
  const times: number[] = [];
  let body = "";
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    body = await get();
    times.push(performance.now() - started);
  }
  return { times: times.sort((a, b) => a - b), body };
}

try {
  const client = await signUpVerified(origin, db, 1, "client");
  const assistant = await signUpVerified(origin, db, 2, "assistant");
  const weekdays = ["mon", "tue", "wed", "thu", "fri"].map((day) => ({ day, from: "08:00", to: "18:00" }));
  for (const [who, timeZone] of [
    [client, "Europe/Berlin"],
    [assistant, "America/New_York"],
  ] as const) {
    await fetch(`${origin}/api/v1/me/availability`, {
      method: "PUT",
      headers: { "content-type": "application/json", cookie: who.cookie, origin },
      body: JSON.stringify({ timeZone, weeklyHours: weekdays, bufferMinutes: 10 }),
    });
  }
  // 200 busy events each over the next 4 weeks, as an imported calendar would leave them.
  const start = Date.now() + DAY;
  for (const who of [client, assistant]) {
    const importId = randomUUID();
    await db.query(`INSERT INTO calendar_import (id, user_id, kind, name) VALUES ($1, $2, 'file', 'Bench')`, [
      importId,
      who.id,
    ]);
    for (let i = 0; i < 200; i++) {
      const at = start + Math.floor((i / 200) * 28 * DAY) + ((i * 7919) % 600) * 60_000;
      await db.query(
        `INSERT INTO busy_time (import_id, user_id, starts_at, ends_at) VALUES ($1, $2, $3, $4)`,
        [importId, who.id, new Date(at), new Date(at + (30 + (i % 4) * 30) * 60_000)],
      );
    }
  }
  // A job and a bid between them.
  const jobId = randomUUID();
  const bidId = randomUUID();
  await db.query(
    `INSERT INTO job (id, client_id, title, description, categories, pricing_model, max_rate_minor, currency,
       expected_volume, start_date, bid_deadline, status, published_at)
     VALUES ($1, $2, 'Termine', 'Kalender führen', '{scheduling}', 'hourly', 4000, 'EUR', 10, '2027-01-04', $3, 'open', now())`,
    [jobId, client.id, new Date(Date.now() + 30 * DAY)],
  );
  await db.query(
    `INSERT INTO bid (id, job_id, assistant_id, rate_minor, currency, cover_letter, earliest_start)
     VALUES ($1, $2, $3, 3000, 'EUR', 'Gern.', '2027-01-04')`,
    [bidId, jobId, assistant.id],
  );
  const from = new Date(start).toISOString();
  const to = new Date(start + 28 * DAY).toISOString();
  const slots = await timeGets(
    `/api/v1/bids/${bidId}/interview-slots?durationMinutes=30&from=${from}&to=${to}`,
    client.cookie,
    RUNS,
  );
  const slotCount = (JSON.parse(slots.body) as { slots: unknown[] }).slots.length;
  // The server's own count (request in to answer out), from its latency histogram.
  const metrics = await (
    await fetch(`${origin}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } })
  ).text();
  const bucket = (le: string) =>
    Number(
      metrics.match(
        new RegExp(
          `http_request_duration_seconds_bucket\\{le="${le.replace(/[.+]/g, "\\$&")}",method="GET",route="/api/v1/bids/:id/interview-slots",status_code="200"\\} (\\d+)`,
        ),
      )?.[1] ?? Number.NaN,
    );
  const served = bucket("+Inf");
  // The same loop on a small signed-in read: what HTTP, the client, the session and one query cost.
  const roundTrip = await timeGets("/api/v1/me/availability", client.cookie, RUNS);

  // 1,000 confirmed interviews of the client (one a day at varying hours), in the client's feed.
  for (let i = 0; i < 1_000; i++) {
    const at = new Date(Date.now() - 60 * DAY + i * 3_600_000 * 3);
    await db.query(
      `INSERT INTO interview (bid_id, client_id, assistant_id, status, duration_minutes, proposals, starts_at, ends_at)
       VALUES ($1, $2, $3, 'confirmed', 30, '[]', $4, $5)`,
      [bidId, client.id, assistant.id, at, new Date(at.getTime() + 30 * 60_000)],
    );
  }
  const link = (await (
    await fetch(`${origin}/api/v1/me/calendar-feeds`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie: client.cookie, origin },
      body: "{}",
    })
  ).json()) as { url: string };
  const feed = await timeGets(new URL(link.url).pathname, undefined, 100);
  const events = (feed.body.match(/BEGIN:VEVENT/g) ?? []).length;

  console.log(
    `common slots, 2 × 200 busy events over 4 weeks (${slotCount} slots): ${percentiles(slots.times, [0.5, 0.95, 0.99])} (target p95 ≤ 5 ms; HTTP on loopback, database reads included)`,
  );
  console.log(
    `  server side (its histogram): ${((bucket("0.0025") / served) * 100).toFixed(1)} % within 2.5 ms, ${((bucket("0.005") / served) * 100).toFixed(1)} % within 5 ms, of ${served}`,
  );
  console.log(
    `  beside it, a signed-in GET of one's own availability (HTTP, session, one read): ${percentiles(roundTrip.times, [0.5, 0.95, 0.99])}`,
  );
  console.log(
    `iCalendar feed of ${events} events (${(feed.body.length / 1024).toFixed(0)} KB): ${percentiles(feed.times, [0.5, 0.95])} (target ≤ 50 ms)`,
  );
} finally {
  await server.stop();
  await bench.drop();
}
