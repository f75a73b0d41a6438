import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { weeklyInBerlin } from "../../features/calendar/testing.ts";
import { hiredContract } from "../../features/messaging/testing.ts";
import { createTestApp, TEST_ORIGIN } from "../testing/app.ts";
import { type FuzzRequest, operationsOf, requestFor } from "../testing/fuzz/openapi-requests.ts";
import { Browser, nextIp } from "../testing/http.ts";
import { cookieOf } from "../testing/sockets.ts";
import { sendUpload } from "../testing/upload.ts";

// Schema-driven fuzzing of the whole API: requests generated from /api/openapi.json (every
// operation, so new routes are covered without editing this file), sent as an anonymous visitor,
// the client and the assistant of a contract. The server must answer each within 2 s, never with a
// 5xx, every error as RFC 9457 problem+json, and /api/health must stay up throughout.

const REQUESTS = Number(process.env.FUZZ_REQUESTS ?? 5_000);
const SEED = Number(process.env.FUZZ_SEED ?? Date.now() % 2 ** 31);
const CONCURRENCY = 4;
const SLOW_MS = 2_000;
const PROBLEM = "application/problem+json; charset=utf-8";

const ICS = [
  "BEGIN:VCALENDAR",
  "VERSION:2.0",
  "PRODID:-//fuzz//EN",
  "BEGIN:VEVENT",
  "UID:1@fuzz",
  "DTSTART:20270315T090000Z",
  "DTEND:20270315T100000Z",
  "SUMMARY:Team",
  "END:VEVENT",
  "END:VCALENDAR",
  "",
].join("\r\n");

type App = Awaited<ReturnType<typeof createTestApp>>;
let app: App;
let browsers: Browser[];
let requests: (FuzzRequest & { who: number })[];

beforeAll(async () => {
  app = await createTestApp({
    // The limits protect production; here they would turn most requests into 429s.
    RATE_LIMIT_PER_MINUTE: "1000000",
    AUTH_ATTEMPTS_PER_MINUTE: "1000000",
    MESSAGES_PER_MINUTE: "1000000",
  });
  const parties = await hiredContract(app);
  // Every seed must exist: a missing one would quietly narrow what the fuzzer reaches.
  const created = (res: { statusCode: number; json(): unknown }) => {
    expect(res.statusCode).toBe(201);
    return (res.json() as { id: string }).id;
  };
  const event = created(
    await parties.client.post(`/api/v1/contracts/${parties.contractId}/events`, weeklyInBerlin),
  );
  // An imported calendar: an id for the import routes, and the calendar reader's thread started, as
  // on any server that has read one file (its first start is a one-off cost, not an answer's).
  const imported = created(
    await sendUpload(app, parties.assistant, {
      method: "POST",
      url: "/api/v1/me/calendar-imports/file",
      fields: { name: "Arbeit" },
      file: { name: "arbeit.ics", type: "text/calendar", bytes: Buffer.from(ICS) },
    }),
  );
  const sample = created(
    await parties.assistant.post("/api/v1/samples/links", {
      title: "Mein Blog",
      url: "https://example.com/blog",
      category: "blog_writing",
    }),
  );
  const ids = [
    imported,
    sample,
    event,
    parties.job.id,
    parties.bid.id,
    parties.thread.id,
    parties.contractId,
    parties.client.userId,
    parties.assistant.userId,
  ];
  browsers = [new Browser(app, nextIp()), parties.client, parties.assistant];
  const doc = (await app.inject({ method: "GET", url: "/api/openapi.json" })).json();
  const operations = operationsOf(doc);
  expect(operations.length).toBeGreaterThan(50);
  const one = fc.tuple(
    fc.constantFrom(...operations).chain((op) => requestFor(op, { ids })),
    fc.integer({ min: 0, max: browsers.length - 1 }),
  );
  requests = fc.sample(one, { numRuns: REQUESTS, seed: SEED }).map(([r, who]) => ({ ...r, who }));
}, 120_000);
afterAll(() => app?.close());

interface Failure {
  request: string;
  status: number;
  why: string;
  body: string;
}

async function send(request: FuzzRequest & { who: number }) {
  const browser = browsers[request.who] as Browser;
  const started = performance.now();
  const res = await app.inject({
    method: request.method,
    url: request.url,
    remoteAddress: browser.ip,
    headers: {
      origin: TEST_ORIGIN,
      ...(browser.cookies.size ? { cookie: cookieOf(browser) } : {}),
      ...(request.contentType ? { "content-type": request.contentType } : {}),
    },
    ...(request.payload !== undefined ? { payload: request.payload } : {}),
  });
  return { res, ms: performance.now() - started };
}

function judge(res: Awaited<ReturnType<typeof send>>["res"], ms: number): string | undefined {
  if (res.statusCode >= 500) return "server error";
  if (ms > SLOW_MS) return `slow: ${Math.round(ms)} ms`;
  if (res.statusCode >= 400) {
    if (res.headers["content-type"] !== PROBLEM) return `not problem+json: ${res.headers["content-type"]}`;
    const body = res.json() as { status?: unknown; type?: unknown; title?: unknown };
    if (body.status !== res.statusCode || typeof body.type !== "string" || typeof body.title !== "string")
      return "problem body incomplete";
  }
  return undefined;
}

describe("schema-driven fuzzing of every API operation", () => {
  it(`answers ${REQUESTS} generated requests without a 5xx, as problems, in time`, async () => {
    const failures: Failure[] = [];
    const statuses = new Map<number, number>();
    const health: number[] = [];
    let healthDown = 0;
    let done = false;
    // Health is probed beside the fuzz load, as a load balancer would.
    const prober = (async () => {
      while (!done) {
        const started = performance.now();
        const res = await app.inject({ method: "GET", url: "/api/health" });
        health.push(performance.now() - started);
        if (res.statusCode !== 200) healthDown += 1;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const request = requests[next++] as FuzzRequest & { who: number };
        const { res, ms } = await send(request);
        statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
        const why = judge(res, ms);
        if (why && failures.length < 50)
          failures.push({
            request: `${request.method} ${request.url.slice(0, 300)} ${request.contentType ?? ""} ${String(request.payload ?? "").slice(0, 300)}`,
            status: res.statusCode,
            why,
            body: res.body.slice(0, 300),
          });
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    done = true;
    await prober;
    health.sort((a, b) => a - b);
    const p99 = health[Math.floor(health.length * 0.99)] ?? 0;
    const fiveXX = [...statuses].filter(([s]) => s >= 500).reduce((n, [, c]) => n + c, 0);
    console.log(
      `fuzz seed ${SEED}: ${requests.length} requests, 5xx ${fiveXX}, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}, ` +
        `health ${health.length} probes, p99 ${p99.toFixed(1)} ms, down ${healthDown}`,
    );
    expect(failures, `seed ${SEED} (FUZZ_SEED=${SEED} repeats the run)`).toEqual([]);
    expect(healthDown).toBe(0);
    expect(p99).toBeLessThan(SLOW_MS);
    // The generator must reach past validation too, or the run proves little.
    expect([...statuses].filter(([s]) => s < 300).reduce((n, [, c]) => n + c, 0)).toBeGreaterThan(
      REQUESTS / 20,
    );
  }, 600_000);
});
