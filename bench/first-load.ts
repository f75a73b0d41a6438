// First-load JavaScript per page, as Chromium receives it with an empty cache (target ≤ 200 KB
// gzip on every page): each page opens in a fresh browser context, and every script response up to
// network idle is counted at its size on the wire (compressed), once asking for gzip and once for
// brotli. Starts the built app (run `npm run build` first) with the demo data on a free port.
// Usage: node bench/first-load.ts — exits 1 when a page misses the target.
import { createServer } from "node:net";
import { type BrowserContext, chromium } from "@playwright/test";
import { CHROMIUM, CHROMIUM_ARGS } from "../scripts/chromium.ts";
import { DEMO_PASSWORD } from "../src/server/seed/demo.ts";
import { startServer } from "./server-process.ts";

const TARGET_KB = 200;

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

const port = Number(process.env.BENCH_PORT ?? (await freePort()));
const base = `http://127.0.0.1:${port}`;
const server = await startServer(port, { SEED_DEMO: "true", PUBLIC_URL: base });
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });

async function signIn(context: BrowserContext, email: string) {
  const res = await context.request.post(`${base}/api/auth/sign-in/email`, {
    data: { email, password: DEMO_PASSWORD },
    headers: { origin: base },
  });
  if (!res.ok()) throw new Error(`sign-in of ${email} failed: ${res.status()} ${await res.text()}`);
}

interface Load {
  kb: number;
  scripts: number;
  encodings: Set<string>;
}

/** The page's JavaScript in bytes on the wire, in a context with nothing cached. */
async function firstLoad(path: string, acceptEncoding: string, email?: string): Promise<Load> {
  const context = await browser.newContext({ locale: "de-DE" });
  try {
    if (email) await signIn(context, email);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.setExtraHTTPHeaders", { headers: { "Accept-Encoding": acceptEncoding } });
    const scripts = new Map<string, { encoding: string; contentLength?: number }>();
    let bytes = 0;
    const encodings = new Set<string>();
    cdp.on("Network.responseReceived", (event) => {
      const { response, requestId, type } = event;
      const isScript = type === "Script" || /javascript/.test(response.mimeType);
      if (!isScript) return;
      const header = (name: string) =>
        Object.entries(response.headers).find(([k]) => k.toLowerCase() === name)?.[1] as string | undefined;
      const length = header("content-length");
      scripts.set(requestId, {
        encoding: header("content-encoding") ?? "identity",
        ...(length ? { contentLength: Number(length) } : {}),
      });
    });
    cdp.on("Network.loadingFinished", (event) => {
      const script = scripts.get(event.requestId);
      if (!script) return;
      // The body as sent: its Content-Length when the server gave one, else what arrived (which
      // includes the headers, so it errs high).
      bytes += script.contentLength ?? event.encodedDataLength;
      encodings.add(script.encoding);
    });
    const res = await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
    if (!res?.ok()) throw new Error(`${path}: ${res?.status()}`);
    return { kb: bytes / 1024, scripts: scripts.size, encodings };
  } finally {
    await context.close();
  }
}

let missed = false;
try {
  // Ids for the pages that need one, from the demo data.
  const probe = await browser.newContext();
  await signIn(probe, "thomas@demo.assista.app");
  const board = await (await probe.request.get(`${base}/api/v1/job-board`)).json();
  const contracts = await (await probe.request.get(`${base}/api/v1/contracts`)).json();
  await probe.close();
  const jobId = board.items?.[0]?.id;
  const contractId = contracts.items?.[0]?.id;
  if (!jobId || !contractId) throw new Error("the demo data has no open job or no contract");

  const client = "thomas@demo.assista.app";
  const pages: [string, string, string | undefined][] = [
    ["landing", "/", undefined],
    ["job board", "/jobs", undefined],
    ["a job", `/jobs/${jobId}`, undefined],
    ["sign-in", "/sign-in", undefined],
    ["contracts (dashboard)", "/contracts", client],
    ["contract workspace", `/contracts/${contractId}`, client],
    ["contract calendar", `/contracts/${contractId}/calendar`, client],
  ];
  console.log(
    `first-load JavaScript on the wire, empty cache, until network idle (target ≤ ${TARGET_KB} KB)`,
  );
  for (const [name, path, email] of pages) {
    const gzip = await firstLoad(path, "gzip", email);
    const br = await firstLoad(path, "br, gzip", email);
    const miss = gzip.kb > TARGET_KB;
    if (miss) missed = true;
    console.log(
      `${name.padEnd(22)} gzip ${gzip.kb.toFixed(1).padStart(6)} KB / ${TARGET_KB} KB  br ${br.kb.toFixed(1).padStart(6)} KB` +
        `  (${gzip.scripts} scripts; sent as ${[...gzip.encodings].join("+")} / ${[...br.encodings].join("+")})` +
        (miss ? "  MISS" : "  ok"),
    );
  }
} finally {
  await browser.close();
  await server.stop();
}
process.exitCode = missed ? 1 : 0;
