import { mkdtempSync } from "node:fs";
import { buildApp } from "../src/server/app.ts";
import { parseConfig } from "../src/server/config.ts";
import pg from "pg";
const counts = new Map<string, number>(); let counting = false;
const orig = pg.Client.prototype.query; (pg.Client.prototype as any).query = function (this: unknown, ...a: any[]) { if (counting) { const t = String(typeof a[0] === "string" ? a[0] : a[0]?.text).replace(/\s+/g, " ").slice(0, 90); counts.set(t, (counts.get(t) ?? 0) + 1); } return (orig as any).apply(this, a); };
const url = process.env.DB!;
const app = await buildApp(parseConfig({ NODE_ENV: "development", PUBLIC_URL: "http://localhost:3000", AUTH_SECRET: "test-secret-test-secret-test-secret-0123", DATA_DIR: mkdtempSync("/tmp/inj-"), RATE_LIMIT_PER_MINUTE: "100000000", SEED_DEMO: "false", LOG_LEVEL: "warn", DATABASE_URL: url, TRUST_PROXY: "true" }), { logger: false });
const db = new pg.Client({ connectionString: url }); await db.connect();
const H = { origin: "http://localhost:3000", "content-type": "application/json" };
async function person(i: number, role: string) {
  const email = `${role}${i}@x.test`;
  await app.inject({ method: "POST", url: "/api/auth/sign-up/email", headers: { ...H, "x-forwarded-for": `10.0.0.${i}` }, payload: JSON.stringify({ name: `${role} ${i}`, email, password: "benchmark-password-2026", role }) });
  await db.query(`UPDATE "user" SET email_verified = true WHERE email = $1`, [email]);
  const si = await app.inject({ method: "POST", url: "/api/auth/sign-in/email", headers: { ...H, "x-forwarded-for": `10.0.1.${i}` }, payload: JSON.stringify({ email, password: "benchmark-password-2026" }) });
  return { cookie: (si.headers["set-cookie"] as string[]).map((c) => c.split(";")[0]).join("; "), id: si.json().user.id as string };
}
const client = await person(1, "client");
const assistant = await person(2, "assistant");
const n = Number(process.argv[2] ?? 2000);
const { rows } = await db.query(`INSERT INTO job (client_id, title, description, categories, pricing_model, max_rate_minor, currency, expected_volume, start_date, bid_deadline, status, published_at)
  SELECT $1, 'Job ' || g, 'x', '{bookkeeping}', 'hourly', 4000, 'EUR', 10, '2027-01-04', now() + interval '30 days', 'open', now() FROM generate_series(1, $2) g RETURNING id`, [client.id, n + 200]);
const body = JSON.stringify({ rateMinor: 3500, coverLetter: "Gern übernehme ich das.", answers: [], earliestStart: "2027-01-04" });
let k = 0;
const go = () => app.inject({ method: "POST", url: `/api/v1/jobs/${rows[k++].id}/bids`, headers: { ...H, cookie: assistant.cookie }, payload: body });
const first = await go(); if (first.statusCode !== 201) throw new Error(first.body);
for (let i = 0; i < 199; i++) await go();
counting = true; const c0 = process.cpuUsage(); const t0 = performance.now();
for (let i = 0; i < n; i++) await go();
const c = process.cpuUsage(c0);
counting = false; for (const [t, c] of [...counts].sort((a, b) => b[1] - a[1]).slice(0, 15)) console.log((c / n).toFixed(2), t);
console.log(`user ${(c.user / n).toFixed(0)} sys ${(c.system / n).toFixed(0)}`); console.log(`bid: cpu ${((c.user + c.system) / n).toFixed(0)} µs/req wall ${((performance.now() - t0) * 1000 / n).toFixed(0)} µs/req`);
await db.end(); await app.close();
