// npm test: the whole suite. Vitest (unit + API on PGlite, or on PostgreSQL with TEST_DATABASE_URL),
// then the web build and Playwright in Debian's Chromium. Ends with "N passed, N failed[, N skipped]".
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { adminUrl } from "../src/server/testing/databases.ts";

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}
const total: Counts = { passed: 0, failed: 0, skipped: 0 };
const add = (c: Counts) => {
  total.passed += c.passed;
  total.failed += c.failed;
  total.skipped += c.skipped;
};
const out = mkdtempSync(join(tmpdir(), "assista-test-run-"));
const bin = (name: string) => join("node_modules", ".bin", name);
// Each step is bounded, so a hung process fails the run instead of eating CI's whole budget.
const STEP_TIMEOUT_MS = 25 * 60_000;
const run = (cmd: string, args: string[], env: NodeJS.ProcessEnv = {}) =>
  spawnSync(cmd, args, {
    stdio: "inherit",
    env: { ...process.env, ...env },
    timeout: STEP_TIMEOUT_MS,
    killSignal: "SIGKILL",
  }).status ?? 1;

// 1. Vitest
const vitestJson = join(out, "vitest.json");
const vitestStatus = run(bin("vitest"), [
  "run",
  "--reporter=default",
  "--reporter=json",
  `--outputFile.json=${vitestJson}`,
]);
if (existsSync(vitestJson)) {
  const r = JSON.parse(readFileSync(vitestJson, "utf8"));
  add({ passed: r.numPassedTests, failed: r.numFailedTests, skipped: r.numPendingTests + r.numTodoTests });
}
if (vitestStatus !== 0 && !existsSync(vitestJson)) total.failed += 1;

// 2. Browser tests
const chromium = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const e2eCount = () => {
  const list = spawnSync(bin("playwright"), ["test", "--list", "--reporter=json"], { encoding: "utf8" });
  try {
    return (JSON.parse(list.stdout).suites as unknown[]).length ? countSpecs(JSON.parse(list.stdout)) : 0;
  } catch {
    return 1;
  }
};
if (!existsSync(chromium)) {
  if (process.env.CI) {
    console.error(`Chromium not found at ${chromium}: browser tests cannot run under CI.`);
    total.failed += e2eCount() || 1;
  } else {
    const n = e2eCount();
    console.log(
      `Skipping ${n} browser tests: no Chromium at ${chromium} (apt-get install -y chromium, or set CHROMIUM_PATH).`,
    );
    total.skipped += n;
  }
} else if (
  run(bin("vite"), ["build", "--logLevel", "warn"]) !== 0 ||
  run(process.execPath, ["scripts/build-server.ts"]) !== 0
) {
  total.failed += 1;
} else {
  const e2eDb = await e2eDatabase();
  const json = join(out, "playwright.json");
  const status = run(bin("playwright"), ["test", "--reporter=list,json"], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: json,
    ...(e2eDb ? { E2E_DATABASE_URL: e2eDb.url } : {}),
  });
  await e2eDb?.drop();
  if (existsSync(json)) {
    const report = JSON.parse(readFileSync(json, "utf8"));
    const s = report.stats;
    add({ passed: s.expected + s.flaky, failed: s.unexpected, skipped: s.skipped });
    // A run that never got going (the web server would not start, its port was taken, a spec
    // did not load) fails without a failed test: count its errors, at least one.
    if (status !== 0 && s.unexpected === 0) total.failed += Math.max(1, report.errors?.length ?? 0);
  } else {
    total.failed += 1;
  }
}

const line = `${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`;
if (process.env.ASSISTA_TEST_SUMMARY) writeFileSync(process.env.ASSISTA_TEST_SUMMARY, JSON.stringify(total));
console.log(line);
process.exit(total.failed > 0 ? 1 : 0);

function countSpecs(node: { specs?: { tests?: unknown[] }[]; suites?: unknown[] }): number {
  const own = (node.specs ?? []).reduce((n, s) => n + (s.tests?.length ?? 1), 0);
  return own + (node.suites ?? []).reduce<number>((n, s) => n + countSpecs(s as typeof node), 0);
}

// With TEST_DATABASE_URL the browser tests run the server on PostgreSQL too, in a database of their own.
async function e2eDatabase() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return undefined;
  const name = `assista_test_e2e_${process.pid}`;
  const admin = async (sql: string) => {
    const client = new pg.Client({ connectionString: adminUrl(url) });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin(`CREATE DATABASE ${name}`);
  return { url: adminUrl(url, name), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) };
}
