import type { ApiError } from "../../../web/api/problem.ts";
import { toApiError } from "../../../web/api/problem-parse.ts";
import { type Sample, sampleSchema } from "../schema.ts";

/** The text fields of an upload as the multipart parts the server reads (see samples/routes.ts). */
export interface UploadFields {
  title: string;
  description: string;
  category: string;
  visibility: string;
}

/** The part of XMLHttpRequest an upload uses, so a test can stand in for it. */
export type UploadRequest = Pick<
  XMLHttpRequest,
  "open" | "send" | "abort" | "setRequestHeader" | "status" | "responseText" | "upload"
> &
  Pick<XMLHttpRequest, "addEventListener">;

/** Whole percent of a progress event; a length the browser cannot compute counts as not started. */
export function percentOf(loaded: number, total: number): number {
  if (!(total > 0)) return 0;
  return Math.min(100, Math.floor((loaded / total) * 100));
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The server's answer as a sample or an ApiError. A 413 from anything in front of the app (a proxy
 * with a smaller limit) has no problem body; it still means the sample is too large.
 */
export function uploadOutcome(status: number, text: string): { sample: Sample } | { error: ApiError } {
  const body = text ? safeJson(text) : undefined;
  if (status >= 200 && status < 300) {
    const parsed = sampleSchema.safeParse(body);
    return parsed.success ? { sample: parsed.data } : { error: toApiError(undefined, 500) };
  }
  const error = toApiError(body, status);
  if (status === 413 && !error.reason) {
    return { error: toApiError({ ...error.problem, reason: "sample.too_large" }, status) };
  }
  return { error };
}

/**
 * Uploads a file sample with XMLHttpRequest, the one browser API that reports upload progress
 * (fetch reports only the download side).
 */
export function uploadSample(
  fields: UploadFields,
  file: File,
  options: {
    onProgress?: (percent: number) => void;
    signal?: AbortSignal;
    request?: () => UploadRequest;
  } = {},
): Promise<Sample> {
  const body = new FormData();
  // Text fields first: the server reads the parts in order and the file is the big one.
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append("file", file, file.name);
  const xhr = options.request?.() ?? new XMLHttpRequest();
  return new Promise<Sample>((resolve, reject) => {
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) options.onProgress?.(percentOf(event.loaded, event.total));
    });
    xhr.addEventListener("load", () => {
      const outcome = uploadOutcome(xhr.status, xhr.responseText);
      if ("sample" in outcome) {
        options.onProgress?.(100);
        resolve(outcome.sample);
      } else {
        reject(outcome.error);
      }
    });
    xhr.addEventListener("error", () => reject(toApiError(undefined, 0)));
    xhr.addEventListener("abort", () => reject(new DOMException("Upload cancelled", "AbortError")));
    options.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.open("POST", "/api/v1/samples");
    xhr.setRequestHeader("accept", "application/json, application/problem+json");
    xhr.send(body);
  });
}
