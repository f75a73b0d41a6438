import { mkdtempSync } from "node:fs";
import pg from "pg";
let count = 0; const seen: string[] = [];
const orig = pg.Client.prototype.query; (pg.Client.prototype as any).query = function (this: unknown, ...a: any[]) { count++; if (process.env.SHOW) seen.push(String(typeof a[0] === "string" ? a[0] : a[0]?.text).slice(0, 160)); return (orig as any).apply(this, a); };
import { buildApp } from "../src/server/app.ts";
import { parseConfig } from "../src/server/config.ts";
import { seedDemo, DEMO_PASSWORD } from "../src/server/seed/demo.ts";
const app = await buildApp(parseConfig({ NODE_ENV: "development", PUBLIC_URL: "http://localhost:3000", AUTH_SECRET: "test-secret-test-secret-test-secret-0123", DATA_DIR: mkdtempSync("/tmp/inj-"), RATE_LIMIT_PER_MINUTE: "100000000", SEED_DEMO: "false", LOG_LEVEL: "warn", ...(process.env.DB ? { DATABASE_URL: process.env.DB } : {}) }), { logger: false });
await seedDemo(app);
const si = await app.inject({ method: "POST", url: "/api/auth/sign-in/email", headers: { origin: "http://localhost:3000", "content-type": "application/json" }, payload: JSON.stringify({ email: "thomas@demo.assista.app", password: DEMO_PASSWORD }) });
const cookie = (si.headers["set-cookie"] as string[]).map((c) => c.split(";")[0]).join("; ");
const board = JSON.parse((await app.inject({ url: "/api/v1/job-board" })).body);
const jobId = board.items[0].id;
const routes: Record<string, [string, boolean]> = { health: ["/api/health", false], job: [`/api/v1/jobs/${jobId}`, true], threads: ["/api/v1/threads", true], board: ["/api/v1/job-board", false] };
const only = process.argv[2];
const n = Number(process.argv[3] ?? 2000);
for (const [name, [url, signed]] of Object.entries(routes)) {
  if (only && only !== "all" && only !== name) continue;
  const go = () => app.inject({ url, headers: signed ? { cookie } : {} });
  count = 0; seen.length = 0; const first = await go(); const queries = count; if (process.env.SHOW) console.log(seen.join("\n"));
  for (let i = 0; i < 200; i++) await go();
  const c0 = process.cpuUsage(); const t0 = performance.now();
  for (let i = 0; i < n; i++) await go();
  const c = process.cpuUsage(c0); const t = performance.now() - t0;
  console.log(`${name.padEnd(8)} ${first.statusCode} ${String(first.body.length).padStart(6)} B  q ${queries} cpu ${((c.user + c.system) / n).toFixed(0)} µs/req  wall ${(t * 1000 / n).toFixed(0)} µs/req`);
}
await app.close();
