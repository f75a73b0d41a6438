import { eq } from "drizzle-orm";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp } from "../../server/testing/app.ts";
import { Browser, signedIn } from "../../server/testing/http.ts";
import { PDF, png, sendUpload, type TestFile } from "../../server/testing/upload.ts";
import { jobInput } from "../jobs/testing.ts";
import { workSample } from "./tables.ts";

let app: Awaited<ReturnType<typeof createTestApp>>;
beforeAll(async () => {
  app = await createTestApp();
});
afterAll(() => app.close());

async function upload(browser: Browser, file: TestFile, fields: Record<string, string> = {}) {
  return sendUpload(app, browser, {
    method: "POST",
    url: "/api/v1/samples",
    fields: { title: "Monatsabschluss", category: "bookkeeping", ...fields },
    file,
  });
}

describe("work samples", () => {
  it("uploads a PDF, recognised by content, previewed inline with safe headers", async () => {
    const anna = await signedIn(app, ["assistant"]);
    const res = await upload(anna, { name: "Abschluss März.pdf", bytes: PDF, type: "image/png" });
    expect(res.statusCode, res.body).toBe(201);
    const sample = res.json();
    expect(sample).toMatchObject({
      kind: "file",
      contentType: "application/pdf",
      fileName: "Abschluss März.pdf",
      hasThumbnail: false,
    });
    const file = await anna.get(`/api/v1/samples/${sample.id}/file`);
    expect(file.statusCode).toBe(200);
    expect(file.headers["content-type"]).toBe("application/pdf");
    expect(file.headers["content-disposition"]).toMatch(
      /^inline; filename="Abschluss M\?rz\.pdf"; filename\*=UTF-8''Abschluss%20M%C3%A4rz\.pdf$/,
    );
    expect(file.headers["x-content-type-options"]).toBe("nosniff");
    expect(file.rawPayload.equals(PDF)).toBe(true);
    expect(
      (await anna.get(`/api/v1/samples/${sample.id}/file?download=1`)).headers["content-disposition"],
    ).toMatch(/^attachment;/);
  });

  it("stores and offers a file name without bidi controls or invisible characters", async () => {
    const anna = await signedIn(app, ["assistant"]);
    const text = Buffer.from("Rechnung\n");
    const disguised = await upload(anna, { name: "invoice\u202Efdp.txt", bytes: text });
    expect(disguised.statusCode, disguised.body).toBe(201);
    expect(disguised.json()).toMatchObject({ fileName: "invoicefdp.txt", contentType: "text/plain" });
    const hidden = await upload(anna, { name: "..\\Rech\u200Dnung\u2066\uFEFF.txt", bytes: text });
    expect(hidden.json().fileName).toBe("Rechnung.txt");
    // A name stored before these rules leaves cleaned in the download's header.
    await app.database.db
      .update(workSample)
      .set({ fileName: "old\u202Efdp.txt" })
      .where(eq(workSample.id, disguised.json().id));
    const file = await anna.get(`/api/v1/samples/${disguised.json().id}/file`);
    expect(file.headers["content-disposition"]).toBe("attachment; filename=oldfdp.txt");
  });

  it("makes a thumbnail for images", async () => {
    const anna = await signedIn(app, ["assistant"]);
    const sample = (await upload(anna, { name: "post.png", bytes: await png() })).json();
    expect(sample.hasThumbnail).toBe(true);
    const thumb = await anna.get(`/api/v1/samples/${sample.id}/thumbnail`);
    expect(thumb.headers["content-type"]).toBe("image/webp");
    const meta = await sharp(thumb.rawPayload).metadata();
    expect(Math.max(meta.width ?? 0, meta.height ?? 0)).toBe(320);
  });

  it("refuses content that does not match its name, types not allowed, and files over 20 MB", async () => {
    const anna = await signedIn(app, ["assistant"]);
    const mismatch = await upload(anna, { name: "bericht.pdf", bytes: await png() });
    expect(mismatch.statusCode).toBe(422);
    expect(mismatch.json()).toMatchObject({ reason: "sample.type_mismatch" });
    const zip = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200)]);
    const exe = await upload(anna, {
      name: "tool.exe",
      bytes: Buffer.concat([Buffer.from("MZ"), Buffer.alloc(300, 1)]),
    });
    expect(exe.statusCode).toBe(415);
    expect(exe.json()).toMatchObject({ reason: "sample.type_not_allowed" });
    expect((await upload(anna, { name: "archive.txt", bytes: zip })).statusCode).toBe(415);
    const big = await upload(anna, { name: "big.txt", bytes: Buffer.alloc(20 * 1024 * 1024 + 1, 0x61) });
    expect(big.statusCode).toBe(413);
    expect(big.json()).toMatchObject({ reason: "sample.too_large" });
    expect((await anna.get("/api/v1/samples")).json()).toEqual([]);
  });

  it("accepts CSV and plain text, and links", async () => {
    const anna = await signedIn(app, ["assistant"]);
    const csv = await upload(anna, { name: "kunden.csv", bytes: Buffer.from("name;ort\nMüller;Köln\n") });
    expect(csv.json().contentType).toBe("text/csv");
    const link = await anna.post("/api/v1/samples/links", {
      title: "Blog",
      category: "blog_writing",
      url: "https://example.com/blog",
    });
    expect(link.json()).toMatchObject({ kind: "link", url: "https://example.com/blog" });
    const bad = await anna.post("/api/v1/samples/links", {
      title: "X",
      category: "blog_writing",
      url: "javascript:alert(1)",
    });
    expect(bad.json().errors).toEqual([expect.objectContaining({ field: "url" })]);
  });

  it("only those allowed see a sample: owner, anyone if public, the client of a job it was bid with", async () => {
    const anna = await signedIn(app, ["assistant"]);
    const privateSample = (await upload(anna, { name: "intern.pdf", bytes: PDF })).json();
    const publicSample = (
      await upload(anna, { name: "offen.pdf", bytes: PDF }, { visibility: "public" })
    ).json();
    const stranger = await signedIn(app, ["assistant"]);
    const client = await signedIn(app, ["client"]);
    for (const viewer of [stranger, client, new Browser(app)]) {
      expect((await viewer.get(`/api/v1/samples/${privateSample.id}/file`)).statusCode).toBe(404);
      expect((await viewer.get(`/api/v1/samples/${publicSample.id}/file`)).statusCode).toBe(200);
    }
    expect(
      (await new Browser(app).get(`/api/v1/assistants/${anna.userId}/samples`))
        .json()
        .map((s: { id: string }) => s.id),
    ).toEqual([publicSample.id]);
    const job = (await client.post("/api/v1/jobs", jobInput())).json();
    await client.post(`/api/v1/jobs/${job.id}/transitions`, { action: "publish" });
    const bid = await anna.post(`/api/v1/jobs/${job.id}/bids`, {
      rateMinor: 3000,
      coverLetter: "Anbei ein Beispiel.",
      answers: ["DATEV"],
      earliestStart: "2027-01-04",
      sampleIds: [privateSample.id],
    });
    expect(bid.json().sampleIds).toEqual([privateSample.id]);
    expect((await client.get(`/api/v1/samples/${privateSample.id}/file`)).statusCode).toBe(200);
    expect((await stranger.get(`/api/v1/samples/${privateSample.id}/file`)).statusCode).toBe(404);
  });

  it("refuses somebody else's sample id on a bid and writes no bid", async () => {
    const anna = await signedIn(app, ["assistant"]);
    const theirs = (await upload(anna, { name: "a.pdf", bytes: PDF })).json();
    const mallory = await signedIn(app, ["assistant"]);
    const client = await signedIn(app, ["client"]);
    const job = (await client.post("/api/v1/jobs", jobInput())).json();
    await client.post(`/api/v1/jobs/${job.id}/transitions`, { action: "publish" });
    const res = await mallory.post(`/api/v1/jobs/${job.id}/bids`, {
      rateMinor: 3000,
      coverLetter: "x",
      answers: ["y"],
      earliestStart: "2027-01-04",
      sampleIds: [theirs.id],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ reason: "bid.sample_not_owned" });
    expect((await mallory.get("/api/v1/bids")).json().items).toEqual([]);
    expect((await client.get(`/api/v1/samples/${theirs.id}/file`)).statusCode).toBe(404);
  });
});
