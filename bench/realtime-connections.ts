// 2,000 concurrent authenticated WebSocket clients on one instance (issue: messaging), on the real
// PostgreSQL. Target: RSS ≤ 1 GiB with all connected. Needs `npm run build`.
//   node bench/realtime-connections.ts [clients]
import { WebSocket } from "ws";
import { BENCH_SERVER_ENV, benchDatabase, signUpVerified } from "./bench-postgres.ts";
import { rssMb, startServer } from "./server-process.ts";

const CLIENTS = Number(process.argv[2] ?? 2000);
// Like people with several tabs and devices: 200 accounts, 10 sockets each.
const USERS = 200;
const bench = await benchDatabase("assista_bench_ws");
const { url, db } = bench;
const port = 3340;
const origin = `http://127.0.0.1:${port}`;
const server = await startServer(port, {
  DATABASE_URL: url,
  PUBLIC_URL: origin,
  ...BENCH_SERVER_ENV,
});
const sockets: WebSocket[] = [];

try {
  const cookies: string[] = [];
  for (let i = 0; i < USERS; i++)
    cookies.push((await signUpVerified(origin, db, 20_000 + i, "assistant")).cookie);
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
  await server.stop();
  await bench.drop();
}
