import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { precompressDir } from "../../../scripts/precompress.ts";
import { jobInput } from "../../features/jobs/testing.ts";
import { createTestApp, TEST_ORIGIN } from "../testing/app.ts";
import { signedIn } from "../testing/http.ts";
import { connect, cookieOf, listening } from "../testing/sockets.ts";
import { COMPRESS_THRESHOLD } from "./compression.ts";

// A built web app in miniature: a hashed script and the shell, precompressed as the build does.
const dist = mkdtempSync(join(tmpdir(), "assista-web-"));
mkdirSync(join(dist, "assets"));
const script = Array.from(
  { length: 2_000 },
  (_, i) => `export function f${i}(a){return a*${i}+${(i * 7919) % 1000};}\n`,
).join("");
const scriptPath = join(dist, "assets", "index-C0ffee12.js");
writeFileSync(scriptPath, script);
writeFileSync(
  join(dist, "index.html"),
  `<!doctype html><html><head><script type="module" src="/assets/index-C0ffee12.js"></script></head><body>${"<div></div>".repeat(200)}</body></html>`,
);
precompressDir(dist);

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp({ WEB_DIST_DIR: dist });
});
afterAll(() => app.close());

describe("the build's precompressed files", () => {
  it("writes .br and .gz beside each compressible file that decompress to it", () => {
    const original = readFileSync(scriptPath);
    expect(brotliDecompressSync(readFileSync(`${scriptPath}.br`))).toEqual(original);
    expect(gunzipSync(readFileSync(`${scriptPath}.gz`))).toEqual(original);
    expect(readFileSync(`${scriptPath}.br`).length).toBeLessThan(original.length / 3);
  });
});

describe("static files", () => {
  for (const [encoding, decode] of [
    ["br", brotliDecompressSync],
    ["gzip", gunzipSync],
  ] as const) {
    it(`sends a hashed script ${encoding}-encoded, cached for a year, decoding to the file`, async () => {
      const res = await app.inject({
        url: "/assets/index-C0ffee12.js",
        headers: { "accept-encoding": encoding },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-encoding"]).toBe(encoding);
      expect(res.headers["content-type"]).toMatch(/^(text|application)\/javascript/);
      expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
      expect(String(res.headers.vary)).toMatch(/accept-encoding/i);
      expect(res.rawPayload.length).toBeLessThan(script.length / 3);
      expect(decode(res.rawPayload).toString()).toBe(script);
    });
  }

  it("sends the file as it is to a client that accepts no encoding", async () => {
    const res = await app.inject({
      url: "/assets/index-C0ffee12.js",
      headers: { "accept-encoding": "identity" },
    });
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.body).toBe(script);
  });

  it("revalidates the shell (and the SPA fallback): no-cache, never immutable", async () => {
    for (const url of ["/index.html", "/jobs/some-client-route"]) {
      const res = await app.inject({ url, headers: { "accept-encoding": "br" } });
      expect(res.statusCode, url).toBe(200);
      expect(res.headers["cache-control"], url).toBe("no-cache");
      expect(res.headers["content-type"], url).toMatch(/^text\/html/);
      const body =
        res.headers["content-encoding"] === "br" ? brotliDecompressSync(res.rawPayload).toString() : res.body;
      expect(body, url).toContain("/assets/index-C0ffee12.js");
    }
  });
});

describe("API responses", () => {
  it("compresses JSON above the threshold, brotli first, gzip for those who ask only for it", async () => {
    const client = await signedIn(app, ["client"]);
    for (let i = 0; i < 6; i++) {
      const job = (await client.post("/api/v1/jobs", jobInput({ title: `Buchhaltung Nr. ${i}` }))).json();
      await client.post(`/api/v1/jobs/${job.id}/transitions`, { action: "publish" });
    }
    const plain = await app.inject({ url: "/api/v1/job-board", headers: { "accept-encoding": "identity" } });
    expect(plain.rawPayload.length).toBeGreaterThan(COMPRESS_THRESHOLD);
    const br = await app.inject({ url: "/api/v1/job-board", headers: { "accept-encoding": "gzip, br" } });
    expect(br.headers["content-encoding"]).toBe("br");
    expect(br.headers["content-type"]).toMatch(/^application\/json/);
    expect(JSON.parse(brotliDecompressSync(br.rawPayload).toString())).toEqual(plain.json());
    const gz = await app.inject({ url: "/api/v1/job-board", headers: { "accept-encoding": "gzip" } });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString())).toEqual(plain.json());
  });

  it("leaves small responses alone", async () => {
    const res = await app.inject({ url: "/api/health", headers: { "accept-encoding": "br, gzip" } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.json()).toBeTypeOf("object");
  });

  it("problem+json errors keep their type and body, compressed or not", async () => {
    const res = await app.inject({ url: "/api/v1/jobs/not-a-job", headers: { "accept-encoding": "br" } });
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.headers["content-type"]).toMatch(/^application\/problem\+json/);
    const body =
      res.headers["content-encoding"] === "br" ? brotliDecompressSync(res.rawPayload).toString() : res.body;
    expect(JSON.parse(body)).toMatchObject({ status: res.statusCode, code: expect.any(String) });
  });

  it("the live channel still opens and delivers over a compressing server", async () => {
    const url = await listening(app);
    const anna = await signedIn(app, ["assistant"]);
    const socket = connect(url, {
      cookie: cookieOf(anna),
      origin: TEST_ORIGIN,
      "accept-encoding": "br, gzip",
    });
    await socket.waitFor("ready");
    await app.realtime.broker.publish([anna.userId], {
      id: "1",
      type: "notification.created",
      data: { n: 1 },
    });
    expect(await socket.waitFor("notification.created")).toMatchObject({ data: { n: 1 } });
    socket.socket.close();
  });
});
