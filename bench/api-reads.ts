// Issue 13, item 1: a signed-in GET /api/v1/jobs/{id}, a signed-in GET /api/v1/threads and the
// anonymous job board, each against /api/health in the same run (targets: ≥ 0.3 × on PostgreSQL,
// ≥ 0.15 × on PGlite), in alternating rounds with a bare node:http baseline, server and load
// generator pinned apart (bench/verdict.ts). Runs the built app with the demo data.
// Exits 1 on a miss, 2 when the rounds disagree too much to tell.
//   node bench/api-reads.ts [pg|pglite] [seconds per turn] [rounds]
import { DEMO_PASSWORD } from "../src/server/seed/demo.ts";
import { BENCH_SERVER_ENV, benchDatabase } from "./bench-postgres.ts";
import { startServer } from "./server-process.ts";
import { signIn } from "./sign-in.ts";
import * as bench from "./verdict.ts";

const mode = process.argv[2] === "pglite" ? "pglite" : "pg";
const seconds = Number(process.argv[3] ?? 3);
const rounds = Number(process.argv[4] ?? 5);
const target = mode === "pg" ? 0.3 : 0.15;
const port = 3321;
const origin = `http://127.0.0.1:${port}`;

const cpus = bench.pinLoadGenerator();
const database = mode === "pg" ? await benchDatabase("assista_bench_reads") : undefined;
const bare = await bench.startBaseline(3322, cpus);
const app = await startServer(
  port,
  {
    ...BENCH_SERVER_ENV,
    SEED_DEMO: "true",
    PUBLIC_URL: origin,
    ...(database ? { DATABASE_URL: database.url } : {}),
  },
  cpus,
);
const verdict = bench.createVerdict();
try {
  const { cookie } = await signIn(origin, "thomas@demo.assista.app", DEMO_PASSWORD, "10.9.0.1");
  const board = (await (await fetch(`${origin}/api/v1/job-board`)).json()) as { items: { id: string }[] };
  const jobId = board.items[0]?.id;
  if (!jobId) throw new Error("the demo data has no open job");
  // The demo opens no thread: Thomas opens one per bid on his jobs and his contract's, with a message
  // each, so the inbox has rows to show.
  const send = async (path: string, body: unknown) => {
    const res = await fetch(`${origin}${path}`, {
      method: "POST",
      headers: { cookie, origin, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as { id: string };
  };
  const get = async <T>(path: string) =>
    (await (await fetch(`${origin}${path}`, { headers: { cookie } })).json()) as T;
  const subjects: string[] = [];
  for (const own of (await get<{ items: { id: string }[] }>("/api/v1/jobs")).items)
    for (const b of (await get<{ items: { id: string }[] }>(`/api/v1/jobs/${own.id}/bids`)).items)
      subjects.push(`/api/v1/bids/${b.id}/thread`);
  for (const c of (await get<{ items: { id: string }[] }>("/api/v1/contracts")).items)
    subjects.push(`/api/v1/contracts/${c.id}/thread`);
  for (const path of subjects) {
    const thread = await send(path, {});
    await send(`/api/v1/threads/${thread.id}/messages`, {
      body: "Guten Tag, kurze Rückfrage zu den Zeiten.",
    });
  }
  const threads = await get<{ items: unknown[] }>("/api/v1/threads");
  console.log(`${mode}: job ${jobId}, ${threads.items.length} thread(s) on the signed-in page`);

  const signed = { cookie };
  const targets = [
    { name: "bare node:http", url: bare.url },
    { name: "/api/health", url: `${origin}/api/health` },
    { name: "GET /api/v1/jobs/{id} (signed in)", url: `${origin}/api/v1/jobs/${jobId}`, headers: signed },
    { name: "GET /api/v1/threads (signed in)", url: `${origin}/api/v1/threads`, headers: signed },
    { name: "GET /api/v1/job-board (anonymous)", url: `${origin}/api/v1/job-board` },
  ];
  const turns = await bench.alternatingRounds(targets, rounds, seconds);
  console.log(`${mode}, ${rounds} rounds of ${seconds} s, ${bench.loadAverage()}`);
  for (const [name, list] of turns) {
    const mean = list.reduce((sum, t) => sum + t.rps, 0) / list.length;
    const errors = list.reduce((sum, t) => sum + t.errors, 0);
    console.log(
      `${name.padEnd(34)} ${mean.toFixed(0).padStart(6)} req/s, p99 ≤ ${Math.max(...list.map((t) => t.p99))} ms, errors ${errors}`,
    );
    if (errors) verdict.check(`${name} errors`, errors, 0, "atMost", "", 0);
  }
  const health = turns.get("/api/health") ?? [];
  const bareTurns = turns.get("bare node:http") ?? [];
  verdict.checkRatio("/api/health / bare node:http", bench.ratioOf(health, bareTurns), 0.8);
  for (const { name } of targets.slice(2))
    verdict.checkRatio(
      `${name.split(" (")[0]} / health`,
      bench.ratioOf(turns.get(name) ?? [], health),
      target,
    );
} finally {
  await app.stop();
  await bare.stop();
  await database?.drop();
}
verdict.finish();
