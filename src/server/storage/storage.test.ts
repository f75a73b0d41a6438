import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Readable } from "node:stream";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { localStorage } from "./local.ts";
import { s3Storage } from "./s3.ts";
import type { Storage } from "./storage.ts";

async function read(stream: Readable | undefined): Promise<string | undefined> {
  if (!stream) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

// A real S3 API on a loopback port (s3rver), so the S3 adapter is exercised over HTTP.
let s3server: S3rver;
let endpoint = "";
beforeAll(async () => {
  s3server = new S3rver({
    port: 0,
    address: "127.0.0.1",
    silent: true,
    directory: mkdtempSync(join(tmpdir(), "assista-s3-")),
    configureBuckets: [{ name: "assista-test", configs: [] }],
  });
  const { port } = (await s3server.run()) as unknown as { port: number };
  endpoint = `http://127.0.0.1:${port}`;
});
afterAll(() => s3server.close());

const adapters: [string, () => Storage][] = [
  ["local disk", () => localStorage(mkdtempSync(join(tmpdir(), "assista-files-")))],
  [
    "S3",
    () =>
      s3Storage({
        endpoint,
        region: "us-east-1",
        bucket: "assista-test",
        accessKeyId: "S3RVER",
        secretAccessKey: "S3RVER",
        forcePathStyle: true,
      }),
  ],
];

describe.each(adapters)("storage on %s", (_name, make) => {
  it("stores, reads back and deletes by key", async () => {
    const storage = make();
    await storage.put("samples/abc/original", Buffer.from("Hallo Welt"), "text/plain");
    expect(await read(await storage.get("samples/abc/original"))).toBe("Hallo Welt");
    await storage.delete("samples/abc/original");
    expect(await storage.get("samples/abc/original")).toBeUndefined();
    expect(await storage.get("samples/never/original")).toBeUndefined();
  });

  it("refuses keys that could escape their folder", async () => {
    const storage = make();
    await expect(storage.put("../etc/passwd", Buffer.from("x"), "text/plain")).rejects.toThrow(
      /unsafe storage key/,
    );
  });
});
