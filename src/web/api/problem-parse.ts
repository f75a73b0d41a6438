import { type ProblemCode, problemSchema } from "../../features/problems/schema.ts";
import { ApiError } from "./problem.ts";

// Mirrors the server's status-to-code mapping for answers that are not problem+json (proxies, crashes).
function codeForStatus(status: number): ProblemCode {
  if (status === 400) return "bad_request";
  if (status === 401) return "unauthenticated";
  if (status === 403) return "forbidden";
  if (status === 404) return "not_found";
  if (status === 409) return "conflict";
  if (status === 413) return "payload_too_large";
  if (status === 422) return "unprocessable";
  if (status === 429) return "rate_limited";
  if (status === 0 || status === 502 || status === 503 || status === 504) return "unavailable";
  return "internal";
}

/** Turns whatever a request produced (a parsed body, a Better Auth client error, a thrown TypeError) into an ApiError. */
export function toApiError(value: unknown, status = 0, retryAfter?: number): ApiError {
  if (value instanceof ApiError) return value;
  const parsed = problemSchema.safeParse(value);
  if (parsed.success) return new ApiError(parsed.data, retryAfter);
  const found = (value as { status?: unknown } | null)?.status;
  const effective = typeof found === "number" ? found : status;
  return new ApiError(
    { type: "about:blank", title: "Request failed", status: effective, code: codeForStatus(effective) },
    retryAfter,
  );
}
