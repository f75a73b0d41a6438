import {
  type FieldError,
  type Problem,
  type ProblemCode,
  problemSchema,
} from "../../features/problems/schema.ts";

/** A failed API call, always in the problem+json shape so the UI has one thing to translate. */
export class ApiError extends Error {
  readonly problem: Problem;
  /** Seconds from a Retry-After header, when the server sent one. */
  readonly retryAfter: number | undefined;

  constructor(problem: Problem, retryAfter?: number) {
    super(problem.detail ?? problem.title);
    this.name = "ApiError";
    this.problem = problem;
    this.retryAfter = retryAfter;
  }

  get code(): ProblemCode {
    return this.problem.code;
  }

  get reason(): string | undefined {
    return this.problem.reason;
  }

  get fieldErrors(): FieldError[] {
    return this.problem.errors ?? [];
  }
}

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
