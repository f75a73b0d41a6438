import type { z } from "zod";
import type { ApiError } from "./problem.ts";
import { toApiError } from "./problem-parse.ts";

/** The part of XMLHttpRequest an upload uses, so a test can stand in for it. */
export type UploadRequest = Pick<
  XMLHttpRequest,
  "open" | "send" | "abort" | "setRequestHeader" | "status" | "responseText" | "upload"
> &
  Pick<XMLHttpRequest, "addEventListener">;

export interface UploadOptions {
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
  request?: () => UploadRequest;
}

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
 * The server's answer as the parsed value or an ApiError. A 413 from anything in front of the app
 * (a proxy with a smaller limit) has no problem body; it still means the file is too large, which
 * `tooLargeReason` names for the feature's wording.
 */
export function multipartOutcome<T>(
  status: number,
  text: string,
  schema: z.ZodType<T>,
  tooLargeReason: string,
): { value: T } | { error: ApiError } {
  const body = text ? safeJson(text) : undefined;
  if (status >= 200 && status < 300) {
    const parsed = schema.safeParse(body);
    return parsed.success ? { value: parsed.data } : { error: toApiError(undefined, 500) };
  }
  const error = toApiError(body, status);
  if (status === 413 && !error.reason) {
    return { error: toApiError({ ...error.problem, reason: tooLargeReason }, status) };
  }
  return { error };
}

/**
 * Posts text fields and one file as multipart with XMLHttpRequest, the one browser API that reports
 * upload progress (fetch reports only the download side).
 */
export function uploadMultipart<T>(
  url: string,
  fields: Record<string, string>,
  file: File,
  answer: { schema: z.ZodType<T>; tooLargeReason: string },
  options: UploadOptions = {},
): Promise<T> {
  const body = new FormData();
  // Text fields first: the server reads the parts in order and the file is the big one.
  for (const [name, value] of Object.entries(fields)) body.append(name, value);
  body.append("file", file, file.name);
  const xhr = options.request?.() ?? new XMLHttpRequest();
  return new Promise<T>((resolve, reject) => {
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) options.onProgress?.(percentOf(event.loaded, event.total));
    });
    xhr.addEventListener("load", () => {
      const outcome = multipartOutcome(xhr.status, xhr.responseText, answer.schema, answer.tooLargeReason);
      if ("value" in outcome) {
        options.onProgress?.(100);
        resolve(outcome.value);
      } else {
        reject(outcome.error);
      }
    });
    xhr.addEventListener("error", () => reject(toApiError(undefined, 0)));
    xhr.addEventListener("abort", () => reject(new DOMException("Upload cancelled", "AbortError")));
    options.signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.open("POST", url);
    xhr.setRequestHeader("accept", "application/json, application/problem+json");
    xhr.send(body);
  });
}
