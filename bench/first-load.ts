// First load per page, as Chromium receives it with an empty cache (target ≤ 200 KB gzip on every
// page): each page opens in a fresh browser context, and every script and style sheet response up
// to network idle is counted at its size on the wire (compressed), once asking for gzip and once
// for brotli. Starts the built app (run `npm run build` first) with the demo data on a free port.
// Usage: node bench/first-load.ts [--detail] [page…] — exits 1 when a page misses the target;
// --detail lists each page's files, largest first, to see what a page pulls in; page names (their
// first words) measure only those pages.
import { createServer } from "node:net";
import { type BrowserContext, chromium } from "@playwright/test";
import { CHROMIUM, CHROMIUM_ARGS } from "../scripts/chromium.ts";
import { DEMO_PASSWORD } from "../src/server/seed/demo.ts";
import { startServer } from "./server-process.ts";
import { createVerdict, loadAverage } from "./verdict.ts";

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
  /** Scripts and style sheets together, the figure held against the target. */
  kb: number;
  jsKb: number;
  cssKb: number;
  files: { url: string; kb: number }[];
  encodings: Set<string>;
}

/** The page's scripts and style sheets in bytes on the wire, in a context with nothing cached. */
async function firstLoad(path: string, acceptEncoding: string, email?: string): Promise<Load> {
  const context = await browser.newContext({ locale: "de-DE" });
  try {
    if (email) await signIn(context, email);
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
    await cdp.send("Network.setExtraHTTPHeaders", { headers: { "Accept-Encoding": acceptEncoding } });
    const pending = new Map<
      string,
      { url: string; kind: "js" | "css"; encoding: string; contentLength?: number; headerBytes: number }
    >();
    const load: Load = { kb: 0, jsKb: 0, cssKb: 0, files: [], encodings: new Set() };
    cdp.on("Network.responseReceived", (event) => {
      const { response, requestId, type } = event;
      const kind =
        type === "Script" || /javascript/.test(response.mimeType)
          ? "js"
          : type === "Stylesheet" || /text\/css/.test(response.mimeType)
            ? "css"
            : undefined;
      if (!kind) return;
      const header = (name: string) =>
        Object.entries(response.headers).find(([k]) => k.toLowerCase() === name)?.[1] as string | undefined;
      const length = header("content-length");
      pending.set(requestId, {
        url: new URL(response.url).pathname,
        kind,
        encoding: header("content-encoding") ?? "identity",
        ...(length ? { contentLength: Number(length) } : {}),
        // What had arrived with the headers: the status line and the headers themselves.
        headerBytes: response.encodedDataLength,
      });
    });
    cdp.on("Network.loadingFinished", (event) => {
      const file = pending.get(event.requestId);
      if (!file) return;
      // The body as sent: its Content-Length when the server gave one, else what arrived after the
      // headers (a small file compressed on the fly goes chunked, without a length).
      const kb = (file.contentLength ?? event.encodedDataLength - file.headerBytes) / 1024;
      load.kb += kb;
      if (file.kind === "js") load.jsKb += kb;
      else load.cssKb += kb;
      load.files.push({ url: file.url, kb });
      load.encodings.add(file.encoding);
    });
    const res = await page.goto(`${base}${path}`, { waitUntil: "networkidle" });
    if (!res?.ok()) throw new Error(`${path}: ${res?.status()}`);
    load.files.sort((a, b) => b.kb - a.kb);
    return load;
  } finally {
    await context.close();
  }
}

const verdict = createVerdict();
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
  const assistant = "anna@demo.assista.app";
  // Every kind of page: public ones, the way in, each side's signed-in start, a contract's
  // workspace and its calendar tab (the heaviest library the app has).
  const pages: [string, string, string | undefined][] = [
    ["landing", "/", undefined],
    ["sign-in", "/sign-in", undefined],
    ["sign-up", "/sign-up", undefined],
    ["job board", "/jobs", undefined],
    ["a job", `/jobs/${jobId}`, undefined],
    ["contracts (client)", "/contracts", client],
    ["my bids (assistant)", "/my-bids", assistant],
    ["contract workspace", `/contracts/${contractId}`, client],
    ["contract calendar", `/contracts/${contractId}/calendar`, client],
  ];
  const detail = process.argv.includes("--detail");
  // Words after the flags pick pages by the start of their name ("contract" for both contract pages).
  const only = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
  const picked = pages.filter(([name]) => !only.length || only.some((word) => name.startsWith(word)));
  console.log(
    `first-load scripts + style sheets on the wire, empty cache, until network idle (target ≤ ${TARGET_KB} KB gzip); ${loadAverage()}`,
  );
  for (const [name, path, email] of picked) {
    const gzip = await firstLoad(path, "gzip", email);
    const br = await firstLoad(path, "br, gzip", email);
    verdict.check(`${name} (gzip)`, gzip.kb, TARGET_KB, "atMost", " KB", 1);
    console.log(
      `${"".padEnd(34)} js ${gzip.jsKb.toFixed(1)} KB + css ${gzip.cssKb.toFixed(1)} KB in ${gzip.files.length} files; br ${br.kb.toFixed(1)} KB` +
        ` (sent as ${[...gzip.encodings].join("+")} / ${[...br.encodings].join("+")})`,
    );
    if (detail)
      for (const file of gzip.files)
        console.log(`${"".padEnd(38)}${file.kb.toFixed(1).padStart(6)} KB ${file.url}`);
  }
} finally {
  await browser.close();
  await server.stop();
}
verdict.finish();
