// GET /api/health with autocannon (no pipelining) against a bare node:http server measured in the
// same run. Targets: ratio ≥ 0.8 and ≥ 15,000 req/s on 2 cores. Usage: node bench/health.ts [seconds]
import { spawn } from "node:child_process";
import autocannon from "autocannon";
import { startServer, stopProcess, waitReady } from "./server-process.ts";

const seconds = Number(process.argv[2] ?? 10);
const connections = 50;

async function load(url: string) {
  // Warm-up, then the measured run.
  await autocannon({ url, connections, duration: 2 });
  const r = await autocannon({ url, connections, duration: seconds, pipelining: 1 });
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
const baseline = await load(`http://127.0.0.1:${barePort}/`);
await stopProcess(bare);

const app = await startServer(3312, { SEED_DEMO: "false", LOG_LEVEL: "warn" });
const assista = await load("http://127.0.0.1:3312/api/health");
await app.stop();

console.log(
  `bare node:http   ${baseline.rps.toFixed(0)} req/s, p99 ${baseline.p99} ms, errors ${baseline.errors}`,
);
console.log(
  `Assista /health  ${assista.rps.toFixed(0)} req/s, p99 ${assista.p99} ms, errors ${assista.errors}`,
);
console.log(`ratio            ${(assista.rps / baseline.rps).toFixed(2)} (target ≥ 0.8; ≥ 15,000 req/s)`);
