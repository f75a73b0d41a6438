import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, vi } from "vitest";
import { WebSocket } from "ws";
import { createTestApp } from "./app.ts";
import type { Browser } from "./http.ts";

export interface Received {
  type: string;
  id?: string;
  data: unknown;
}

/** Starts the app on a loopback port and answers its WebSocket URL. */
export async function listening(app: FastifyInstance) {
  await app.listen({ port: 0, host: "127.0.0.1" });
  const { port } = app.server.address() as { port: number };
  return `ws://127.0.0.1:${port}/api/ws`;
}

export const cookieOf = (browser: Browser) => [...browser.cookies].map(([k, v]) => `${k}=${v}`).join("; ");

/** A socket that records what arrives, with helpers to wait for a message or the close. */
export function connect(url: string, headers: Record<string, string>) {
  const socket = new WebSocket(url, { headers });
  const received: Received[] = [];
  socket.on("message", (raw) => received.push(JSON.parse(raw.toString())));
  const waitFor = (type: string, match: (m: Received) => boolean = () => true) =>
    vi.waitFor(
      () => {
        const found = received.find((m) => m.type === type && match(m));
        if (!found) throw new Error(`no ${type} yet`);
        return found;
      },
      { timeout: 5_000, interval: 10 },
    );
  const closed = new Promise<number>((resolve) => socket.on("close", (code) => resolve(code)));
  return { socket, received, waitFor, closed };
}

type TestApp = Awaited<ReturnType<typeof createTestApp>>;

/**
 * Two app instances sharing one database and Redis, as behind a load balancer; set up before the
 * calling `describe`'s tests and closed after them. Read `a` and `b` inside the tests.
 */
export function twoInstancesOverRedis(env: Record<string, string> = {}) {
  const redisUrl = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";
  const pair = {} as { a: TestApp; b: TestApp };
  beforeAll(async () => {
    pair.a = await createTestApp({ ...env, REDIS_URL: redisUrl });
    pair.b = await createTestApp({ ...env, REDIS_URL: redisUrl }, {}, pair.a.database);
  });
  afterAll(async () => {
    await pair.b.close();
    await pair.a.close();
  });
  return pair;
}
