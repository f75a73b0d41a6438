// Cold start of the built app as a first `npm start` runs it (the same node command, read from
// package.json): a new data directory, so the embedded database is created and migrated and the
// demo data seeded, then served. Targets: spawn to /api/ready ≤ 3 s; RSS at idle after settling
// ≤ 250 MB; RSS after 10,000 mixed requests (health, the landing page and its assets, the job
// board, a signed-in page's API calls with a demo login) ≤ 300 MB. Exits 1 on a miss.
//
// Not pinned: a first start on a laptop has every core (PGlite's compile and Node's GC threads use
// the second one), and the bench only polls while it starts. RSS does not depend on which core
// serves a request, so the requests are not pinned either.
// Run `npm run build` first. Usage: node bench/cold-start.ts
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { Pool } from "undici";
import { startArguments } from "../scripts/start-command.ts";
import { EMBEDDED_START_PARAMS } from "../src/server/db/client.ts";
import { DEMO_PASSWORD } from "../src/server/seed/demo.ts";
import { rssMb, startServer } from "./server-process.ts";
import { signIn } from "./sign-in.ts";
import { createVerdict, loadAverage } from "./verdict.ts";

const REQUESTS = 10_000;
const CONNECTIONS = 20;
const SETTLE_MS = 5_000;
const port = 3301;
const origin = `http://127.0.0.1:${port}`;
const verdict = createVerdict();
const settle = () => new Promise((r) => setTimeout(r, SETTLE_MS));
async function memory(): Promise<string> {
  const text = await (await fetch(`http://127.0.0.1:${metricsPort}/metrics`)).text();
  const mb = (name: string) =>
    (Number(text.match(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)`, "m"))?.[1]) / 1048576).toFixed(0);
  return `V8 heap used ${mb("nodejs_heap_size_used_bytes")} of ${mb("nodejs_heap_size_total_bytes")} MB, external ${mb("nodejs_external_memory_bytes")} MB`;
}

console.log(`before: ${loadAverage()}`);
// Only what a bench needs on top of a plain first start: the requests come from many client
// addresses (as many visitors would), so the API's per-address limit is kept and not hit.
// The metrics port shows where the memory is (V8's heap, or outside it: PGlite's WebAssembly
// memory, buffers).
const metricsPort = 3302;
const server = await startServer(port, {
  TRUST_PROXY: "true",
  PUBLIC_URL: origin,
  METRICS_PORT: String(metricsPort),
});
const pid = server.child.pid as number;
try {
  await settle();
  const idle = rssMb(pid);
  console.log(`idle: ${await memory()}`);

  const { cookie } = await signIn(origin, "thomas@demo.assista.app", DEMO_PASSWORD, "10.7.0.1");
  const board = (await (await fetch(`${origin}/api/v1/job-board`)).json()) as { items: { id: string }[] };
  // The landing page's own files, as a browser loads them after the HTML.
  const html = readFileSync("dist/web/index.html", "utf8");
  const assets = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1] as string);
  const signedIn = [
    "/api/v1/me",
    "/api/v1/jobs",
    "/api/v1/contracts",
    "/api/v1/threads",
    "/api/v1/notifications",
    "/api/v1/notifications/unread-count",
    "/api/v1/messages/unread-count",
  ];
  const mix: { path: string; signed: boolean }[] = [
    { path: "/api/health", signed: false },
    { path: "/", signed: false },
    ...assets.slice(0, 6).map((path) => ({ path, signed: false })),
    { path: "/api/v1/job-board", signed: false },
    ...board.items.slice(0, 2).map((j) => ({ path: `/api/v1/jobs/${j.id}`, signed: false })),
    ...signedIn.map((path) => ({ path, signed: true })),
  ];

  const pool = new Pool(origin, { connections: CONNECTIONS });
  const statuses = new Map<number, number>();
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      while (next < REQUESTS) {
        const i = next++;
        const { path, signed } = mix[i % mix.length] as (typeof mix)[number];
        const res = await pool.request({
          method: "GET",
          path,
          headers: {
            "accept-encoding": "br, gzip",
            "x-forwarded-for": `10.8.${(i >> 8) % 200}.${i & 255}`,
            ...(signed ? { cookie } : {}),
          },
        });
        await res.body.arrayBuffer();
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const afterRequests = rssMb(pid);
  console.log(`after the requests: ${await memory()}`);
  await pool.close();
  await settle();
  const settled = rssMb(pid);

  // The floor under the idle figure: PGlite alone (no app) on the same data directory, same wait,
  // same node flags as `npm start`.
  await server.stop();
  const floorScript = `
    const { PGlite } = await import("@electric-sql/pglite");
    const pg = await PGlite.create({
      dataDir: ${JSON.stringify(`${server.dataDir}/pg`)},
      startParams: ${JSON.stringify(EMBEDDED_START_PARAMS)},
    });
    await pg.query("select count(*) from pg_class");
    await new Promise((r) => setTimeout(r, ${SETTLE_MS}));
    console.log(Math.round(process.memoryUsage().rss / 1048576));
    await pg.close();`;
  const nodeFlags = startArguments().filter((argument) => argument.startsWith("--"));
  const floor = execFileSync(process.execPath, [...nodeFlags, "--input-type=module", "-e", floorScript], {
    encoding: "utf8",
  }).trim();

  const answered = [...statuses].map(([status, n]) => `${status}: ${n}`).join(", ");
  console.log(
    `${REQUESTS} requests over ${CONNECTIONS} connections in ${seconds.toFixed(1)} s (${mix.length} kinds; ${answered})`,
  );
  console.log(`RSS after the requests and ${SETTLE_MS / 1000} s more: ${settled.toFixed(0)} MB`);
  console.log(`RSS of PGlite alone on that data dir: ${floor} MB (the embedded database's floor)`);
  console.log(`after: ${loadAverage()}`);
  verdict.check("first start to ready (seeded)", server.readyMs / 1000, 3, "atMost", " s");
  verdict.check(`RSS at idle after ${SETTLE_MS / 1000} s`, idle, 250, "atMost", " MB", 0);
  verdict.check(`RSS after ${REQUESTS} requests`, afterRequests, 300, "atMost", " MB", 0);
  verdict.check("requests answered other than 200", REQUESTS - (statuses.get(200) ?? 0), 0, "atMost", "", 0);
} finally {
  await server.stop();
}
verdict.finish();
