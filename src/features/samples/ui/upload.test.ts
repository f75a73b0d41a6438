import { describe, expect, it } from "vitest";
import { ApiError } from "../../../web/api/problem.ts";
import { percentOf, type UploadRequest, uploadOutcome, uploadSample } from "./upload.ts";

const SAMPLE = {
  id: "6f1c2a4e-8b1d-4c3e-9f20-1a2b3c4d5e6f",
  ownerId: "u1",
  title: "Quartalsbericht",
  description: "",
  category: "bookkeeping",
  visibility: "bids_only",
  kind: "file",
  url: null,
  fileName: "bericht.pdf",
  contentType: "application/pdf",
  sizeBytes: 1200,
  hasThumbnail: false,
  createdAt: "2026-11-27T02:00:00.000Z",
};

const problem = (status: number, code: string, reason?: string) =>
  JSON.stringify({ type: "about:blank", title: "x", status, code, ...(reason ? { reason } : {}) });

/** Stands in for XMLHttpRequest: records what is sent and lets the test play the network's part. */
class FakeRequest extends EventTarget {
  upload = new EventTarget();
  status = 0;
  responseText = "";
  sent: FormData | undefined;
  opened: [string, string] | undefined;
  open(method: string, url: string) {
    this.opened = [method, url];
  }
  setRequestHeader() {}
  send(body: FormData) {
    this.sent = body;
  }
  abort() {
    this.dispatchEvent(new Event("abort"));
  }
  progress(loaded: number, total: number) {
    this.upload.dispatchEvent(
      Object.assign(new Event("progress"), { loaded, total, lengthComputable: true }),
    );
  }
  answer(status: number, text: string) {
    this.status = status;
    this.responseText = text;
    this.dispatchEvent(new Event("load"));
  }
}

const fields = {
  title: "Quartalsbericht",
  description: "",
  category: "bookkeeping",
  visibility: "bids_only",
};
const pdf = new File(["%PDF-1.4"], "bericht.pdf", { type: "application/pdf" });

function start(signal?: AbortSignal) {
  const fake = new FakeRequest();
  const progress: number[] = [];
  const result = uploadSample(fields, pdf, {
    onProgress: (p) => progress.push(p),
    request: () => fake as unknown as UploadRequest,
    ...(signal ? { signal } : {}),
  });
  return { fake, progress, result };
}

describe("uploading a work sample", () => {
  it("computes whole percent, and 0 when the length is unknown", () => {
    expect(percentOf(0, 100)).toBe(0);
    expect(percentOf(333, 1000)).toBe(33);
    expect(percentOf(1000, 1000)).toBe(100);
    expect(percentOf(10, 0)).toBe(0);
  });

  it("sends the fields and the file as multipart, reports progress and answers the sample", async () => {
    const { fake, progress, result } = start();
    expect(fake.opened).toEqual(["POST", "/api/v1/samples"]);
    expect([...(fake.sent?.keys() ?? [])]).toEqual([
      "title",
      "description",
      "category",
      "visibility",
      "file",
    ]);
    expect((fake.sent?.get("file") as File | undefined)?.name).toBe("bericht.pdf");
    fake.progress(50, 200);
    fake.progress(200, 200);
    fake.answer(201, JSON.stringify(SAMPLE));
    await expect(result).resolves.toMatchObject({ id: SAMPLE.id, title: "Quartalsbericht" });
    expect(progress).toEqual([25, 100, 100]);
  });

  it("turns the server's problems into ApiErrors with their reason", async () => {
    const { fake, result } = start();
    fake.answer(415, problem(415, "unsupported_media_type", "sample.type_not_allowed"));
    const error = await result.catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: "unsupported_media_type", reason: "sample.type_not_allowed" });
  });

  it("reads a bare 413 (from a proxy) as the sample being too large", () => {
    const outcome = uploadOutcome(413, "<html>Request Entity Too Large</html>");
    expect("error" in outcome && [outcome.error.code, outcome.error.reason]).toEqual([
      "payload_too_large",
      "sample.too_large",
    ]);
  });

  it("reports a network failure as unavailable and a cancel as an AbortError", async () => {
    const failed = start();
    failed.fake.dispatchEvent(new Event("error"));
    await expect(failed.result).rejects.toMatchObject({ code: "unavailable" });

    const controller = new AbortController();
    const cancelled = start(controller.signal);
    controller.abort();
    await expect(cancelled.result).rejects.toMatchObject({ name: "AbortError" });
  });
});
