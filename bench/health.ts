// GET /api/health with autocannon (no pipelining) against a bare node:http server measured in the
// same run, server and load generator pinned apart (bench/verdict.ts). Targets: ratio ≥ 0.8 and
// ≥ 15,000 req/s on 2 cores. Exits 1 on a miss, 2 when the rounds disagree too much to tell.
//   node bench/health.ts [seconds per turn] [rounds]
import { startServer } from "./server-process.ts";
import {
  alternatingRounds,
  createVerdict,
  loadAverage,
  pinLoadGenerator,
  ratioOf,
  startBaseline,
} from "./verdict.ts";

const seconds = Number(process.argv[2] ?? 4);
const rounds = Number(process.argv[3] ?? 5);

const cpus = pinLoadGenerator();
const bare = await startBaseline(3311, cpus);
const app = await startServer(3312, { SEED_DEMO: "false", LOG_LEVEL: "warn" }, cpus);
const verdict = createVerdict();
try {
  const targets = [
    { name: "bare node:http", url: bare.url },
    { name: "Assista /api/health", url: "http://127.0.0.1:3312/api/health" },
  ];
  const turns = await alternatingRounds(targets, rounds, seconds);
  console.log(loadAverage());
  for (const [name, list] of turns) {
    const mean = list.reduce((sum, t) => sum + t.rps, 0) / list.length;
    const errors = list.reduce((sum, t) => sum + t.errors, 0);
    console.log(
      `${name.padEnd(22)} ${mean.toFixed(0)} req/s (turns ${list.map((t) => t.rps.toFixed(0)).join(" / ")}), p99 ≤ ${Math.max(...list.map((t) => t.p99))} ms, errors ${errors}`,
    );
  }
  const health = turns.get("Assista /api/health") ?? [];
  verdict.checkRatio("health / bare node:http", ratioOf(health, turns.get("bare node:http") ?? []), 0.8);
  const mean = health.reduce((sum, t) => sum + t.rps, 0) / health.length;
  verdict.check("health req/s", mean, 15_000, "atLeast", " req/s", 0);
  verdict.check(
    "health errors",
    health.reduce((sum, t) => sum + t.errors, 0),
    0,
    "atMost",
    "",
    0,
  );
} finally {
  await app.stop();
  await bare.stop();
}
verdict.finish();
