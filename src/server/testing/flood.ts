import { randomBytes } from "node:crypto";
import { request } from "node:http";
import type { Duplex } from "node:stream";
import { Pool } from "undici";

/**
 * Client frames (RFC 6455 §5.2) for `texts`, back to back in one buffer, so a whole flood goes out
 * in one write and costs the sender nothing measurable. The masking key is zero, which leaves the
 * payload as it is: a client must mask, but the key is its choice.
 */
export function clientTextFrames(texts: readonly string[]): Buffer {
  const frames = texts.map((text) => {
    const payload = Buffer.from(text);
    if (payload.length > 0xffff) throw new Error("frame too long for this helper");
    const length =
      payload.length < 126
        ? [0x80 | payload.length]
        : [0x80 | 126, payload.length >> 8, payload.length & 0xff];
    return Buffer.concat([Buffer.from([0x81, ...length, 0, 0, 0, 0]), payload]);
  });
  return Buffer.concat(frames);
}

/**
 * A live socket without a WebSocket library, as a hostile client would hold it: the upgrade, then
 * raw writes. It reads just enough of the server's frames to know the server's "ready" and the
 * code of its close; `closed` answers null if the connection ended without one.
 */
export function rawLiveSocket(url: string, headers: Record<string, string>) {
  const { hostname, port, pathname } = new URL(url);
  let socket: Duplex | undefined;
  let onReady: () => void = () => {};
  let onClosed: (code: number | null) => void = () => {};
  const ready = new Promise<void>((resolve) => {
    onReady = resolve;
  });
  const closed = new Promise<number | null>((resolve) => {
    onClosed = resolve;
  });
  const upgrade = request({
    hostname,
    port,
    path: pathname,
    headers: {
      ...headers,
      connection: "Upgrade",
      upgrade: "websocket",
      "sec-websocket-version": "13",
      "sec-websocket-key": randomBytes(16).toString("base64"),
    },
  });
  upgrade.on("upgrade", (_res, upgraded: Duplex, head: Buffer) => {
    socket = upgraded;
    let pending = head;
    let closeCode: number | null = null;
    const read = () => {
      // Server frames are not masked; only the first text frame and a close frame matter here.
      while (pending.length >= 2) {
        const opcode = (pending[0] ?? 0) & 0x0f;
        const short = (pending[1] ?? 0) & 0x7f;
        const offset = short === 126 ? 4 : short === 127 ? 10 : 2;
        const length =
          short === 126
            ? pending.readUInt16BE(2)
            : short === 127
              ? Number(pending.readBigUInt64BE(2))
              : short;
        if (pending.length < offset + length) return;
        if (opcode === 0x1) onReady();
        if (opcode === 0x8) closeCode = length >= 2 ? pending.readUInt16BE(offset) : 1005;
        pending = pending.subarray(offset + length);
      }
    };
    upgraded.on("data", (chunk: Buffer) => {
      pending = Buffer.concat([pending, chunk]);
      read();
    });
    upgraded.on("error", () => {});
    upgraded.on("close", () => onClosed(closeCode));
    read();
  });
  upgrade.on("response", (res) => {
    res.resume();
    onClosed(null);
  });
  upgrade.on("error", () => onClosed(null));
  upgrade.end();
  return {
    ready,
    closed,
    /** Writes bytes as they are (frames from clientTextFrames). */
    write(bytes: Buffer) {
      socket?.write(bytes);
    },
  };
}

const PROBE_CONNECTIONS = 4;

/**
 * Asks GET /api/health `perSecond` times a second over connections of its own until stopped, each
 * timed from the moment it was due, not from when it got out: a stalled event loop delays the
 * asking as much as the answering, and both are latency to a load balancer (no coordinated
 * omission). The connections are opened and the route warmed before timing starts. `stop`
 * answers the latencies in milliseconds, sorted.
 */
export async function probeHealth(origin: string, perSecond = 100) {
  const pool = new Pool(origin, { connections: PROBE_CONNECTIONS });
  const get = async () => {
    const res = await pool.request({ method: "GET", path: "/api/health" });
    await res.body.dump();
    if (res.statusCode !== 200) throw new Error(`/api/health answered ${res.statusCode}`);
  };
  for (let round = 0; round < 5; round++) await Promise.all(Array.from({ length: PROBE_CONNECTIONS }, get));
  const latencies: number[] = [];
  const pending = new Set<Promise<void>>();
  let stopping = false;
  const started = performance.now();
  const running = (async () => {
    for (let asked = 0; !stopping; await new Promise((r) => setTimeout(r, 1))) {
      // Probe k is due at k / perSecond: at that moment k + 1 of them are.
      const due = Math.floor(((performance.now() - started) / 1000) * perSecond) + 1;
      for (; asked < due; asked++) {
        const dueAt = started + (asked / perSecond) * 1000;
        const probe = get()
          .then(() => void latencies.push(performance.now() - dueAt))
          .finally(() => pending.delete(probe));
        pending.add(probe);
      }
    }
  })();
  return {
    async stop(): Promise<number[]> {
      stopping = true;
      await running;
      await Promise.all(pending);
      await pool.close();
      return latencies.sort((a, b) => a - b);
    },
  };
}

/** The q-quantile of sorted numbers (nearest rank). */
export const quantile = (sorted: readonly number[], q: number): number =>
  sorted[Math.max(0, Math.ceil(q * sorted.length) - 1)] ?? Number.NaN;
