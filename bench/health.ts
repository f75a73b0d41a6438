// GET /api/health with autocannon (no pipelining) against a bare node:http server measured in the
// same run. Targets: ratio ≥ 0.8 and ≥ 15,000 req/s on 2 cores.
// Both servers run side by side and are loaded in turns (bare, Assista, bare, …), so a drift of
// the machine's speed during the run (other tenants, frequency) falls on both alike.
//   node bench/health.ts [seconds per turn] [rounds]
import { spawn } from "node:child_process";
import autocannon from "autocannon";
import { startServer, stopProcess, waitReady } from "./server-process.ts";

const seconds = Number(process.argv[2] ?? 4);
const rounds = Number(process.argv[3] ?? 5);
const connections = 50;

async function load(url: string, duration: number) {
  const r = await autocannon({ url, connections, duration, pipelining: 1 });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

const barePort = 3311;
const bare = spawn(
  process.execPath,
  [
    "-e",
    `require("node:http").createServer((q, s) => { s.writeHead(200, { "content-type": "application/json" }); s.end('{"status":"ok"}'); }).listen(${barePort}, "127.0.0.1")`,
  ],
  { stdio: "inherit" },
);
await waitReady(`http://127.0.0.1:${barePort}/`, bare);
const app = await startServer(3312, { SEED_DEMO: "false", LOG_LEVEL: "warn" });
const targets = {
  "bare node:http": `http://127.0.0.1:${barePort}/`,
  "Assista /health": "http://127.0.0.1:3312/api/health",
};
try {
  for (const url of Object.values(targets)) await load(url, 2); // warm-up
  const runs: Record<string, Awaited<ReturnType<typeof load>>[]> = Object.fromEntries(
    Object.keys(targets).map((name) => [name, []]),
  );
  for (let round = 0; round < rounds; round++)
    for (const [name, url] of Object.entries(targets)) runs[name]?.push(await load(url, seconds));
  const total = (name: string) => (runs[name] ?? []).reduce((sum, r) => sum + r.rps, 0) / rounds;
  for (const [name, list] of Object.entries(runs)) {
    const turns = list.map((r) => r.rps.toFixed(0)).join(" / ");
    const errors = list.reduce((sum, r) => sum + r.errors, 0);
    const p99 = Math.max(...list.map((r) => r.p99));
    console.log(
      `${name.padEnd(16)} ${total(name).toFixed(0)} req/s (turns ${turns}), p99 ≤ ${p99} ms, errors ${errors}`,
    );
  }
  const perRound = (runs["Assista /health"] ?? []).map((r, i) =>
    (r.rps / (runs["bare node:http"]?.[i]?.rps ?? 1)).toFixed(2),
  );
  console.log(
    `ratio            ${(total("Assista /health") / total("bare node:http")).toFixed(2)} (per round ${perRound.join(", ")}; target ≥ 0.8; ≥ 15,000 req/s)`,
  );
} finally {
  await app.stop();
  await stopProcess(bare);
}
