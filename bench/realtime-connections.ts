// 2,000 concurrent authenticated WebSocket clients on one instance (issue: messaging), on the real
// PostgreSQL. Target: RSS ≤ 1 GiB with all connected. Needs `npm run build`.
//   node bench/realtime-connections.ts [clients]
import pg from "pg";
import { WebSocket } from "ws";
import { adminUrl } from "../src/server/testing/databases.ts";
import { rssMb, startServer } from "./server-process.ts";

const CLIENTS = Number(process.argv[2] ?? 2000);
// Like people with several tabs and devices: 200 accounts, 10 sockets each.
const USERS = 200;
const base = process.env.BENCH_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";
const dbName = `assista_bench_ws_${process.pid}`;
const admin = new pg.Client({ connectionString: adminUrl(base) });
await admin.connect();
await admin.query(`CREATE DATABASE ${dbName}`);
const url = adminUrl(base, dbName);
const port = 3340;
const origin = `http://127.0.0.1:${port}`;
const server = await startServer(port, {
  DATABASE_URL: url,
  PUBLIC_URL: origin,
  TRUST_PROXY: "true",
  RATE_LIMIT_PER_MINUTE: "100000000",
  SEED_DEMO: "false",
});
const db = new pg.Client({ connectionString: url });
await db.connect();
const sockets: WebSocket[] = [];

try {
  const password = "benchmark-password-2026";
  const cookies: string[] = [];
  for (let i = 0; i < USERS; i++) {
    const email = `ws-${i}@bench.assista.test`;
    const headers = {
      "content-type": "application/json",
      origin,
      "x-forwarded-for": `10.7.${i >> 8}.${i & 255}`,
    };
    await fetch(`${origin}/api/auth/sign-up/email`, {
      method: "POST",
      headers,
      body: JSON.stringify({ name: `User ${i}`, email, password, role: "assistant" }),
    });
    await db.query(`UPDATE "user" SET email_verified = true WHERE email = $1`, [email]);
    const res = await fetch(`${origin}/api/auth/sign-in/email`, {
      method: "POST",
      headers,
      body: JSON.stringify({ email, password }),
    });
    if (!res.ok) throw new Error(`sign-in ${res.status}`);
    cookies.push(
      res.headers
        .getSetCookie()
        .map((c) => c.split(";")[0])
        .join("; "),
    );
  }
  const before = rssMb(server.child.pid as number);
  const started = performance.now();
  // Opened in waves of 100, as a burst of reconnects would arrive.
  for (let i = 0; i < CLIENTS; i += 100) {
    await Promise.all(
      Array.from({ length: Math.min(100, CLIENTS - i) }, (_, k) => {
        const socket = new WebSocket(`ws://127.0.0.1:${port}/api/ws`, {
          headers: { cookie: cookies[(i + k) % USERS] as string, origin },
        });
        sockets.push(socket);
        return new Promise<void>((resolve, reject) => {
          socket.once("message", () => resolve());
          socket.once("error", reject);
          socket.once("close", (code) => reject(new Error(`closed ${code}`)));
        });
      }),
    );
  }
  const openMs = performance.now() - started;
  await new Promise((r) => setTimeout(r, 3_000));
  const open = sockets.filter((s) => s.readyState === WebSocket.OPEN).length;
  const rss = rssMb(server.child.pid as number);
  console.log(
    `websocket clients: ${open} of ${CLIENTS} open (${USERS} accounts), all ready in ${(openMs / 1000).toFixed(1)} s`,
  );
  console.log(
    `server RSS: ${before.toFixed(0)} MB before, ${rss.toFixed(0)} MB with all connected (target ≤ 1024 MB)`,
  );
} finally {
  for (const s of sockets) s.terminate();
  await db.end();
  await server.stop();
  await admin.query(`DROP DATABASE IF EXISTS ${dbName} WITH (FORCE)`);
  await admin.end();
}
