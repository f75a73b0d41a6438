import type { FieldError, Problem, ProblemCode } from "../features/problems/schema.ts";

const STATUS: Record<ProblemCode, number> = {
  bad_request: 400,
  validation_failed: 400,
  unauthenticated: 401,
  forbidden: 403,
  not_found: 404,
  method_not_allowed: 405,
  request_timeout: 408,
  conflict: 409,
  unprocessable: 422,
  payload_too_large: 413,
  uri_too_long: 414,
  unsupported_media_type: 415,
  rate_limited: 429,
  headers_too_large: 431,
  unavailable: 503,
  internal: 500,
};

const TITLE: Record<ProblemCode, string> = {
  bad_request: "Bad request",
  validation_failed: "The input is not valid",
  unauthenticated: "Sign-in required",
  forbidden: "Not allowed",
  not_found: "Not found",
  method_not_allowed: "Method not allowed",
  request_timeout: "Request timeout",
  conflict: "Conflict",
  unprocessable: "Cannot be processed",
  payload_too_large: "Request body too large",
  uri_too_long: "Address too long",
  unsupported_media_type: "Unsupported content type",
  rate_limited: "Too many requests",
  headers_too_large: "Request headers too large",
  unavailable: "Service unavailable",
  internal: "Internal error",
};

export function statusOf(code: ProblemCode): number {
  return STATUS[code];
}

export interface AppErrorOptions {
  detail?: string;
  reason?: string;
  errors?: FieldError[];
  headers?: Record<string, string>;
  /** When the refused request will succeed (only a matter of time); sent with a Retry-After header. */
  availableAt?: Date;
  /** The address to open the app at instead of the one the request came through. */
  openAt?: string;
  cause?: unknown;
}

/** The one error type the application throws; the error handler turns it into problem+json. */
export class AppError extends Error {
  readonly code: ProblemCode;
  readonly status: number;
  readonly reason: string | undefined;
  readonly errors: FieldError[] | undefined;
  readonly headers: Record<string, string> | undefined;
  readonly availableAt: Date | undefined;
  readonly openAt: string | undefined;

  constructor(code: ProblemCode, options: AppErrorOptions = {}) {
    super(options.detail ?? TITLE[code], { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = STATUS[code];
    this.reason = options.reason;
    this.errors = options.errors;
    this.availableAt = options.availableAt;
    this.openAt = options.openAt;
    const wait =
      options.availableAt && Math.max(1, Math.ceil((options.availableAt.getTime() - Date.now()) / 1000));
    this.headers = wait ? { "retry-after": String(wait), ...options.headers } : options.headers;
  }

  toProblem(instance?: string): Problem {
    return {
      type: `https://assista.app/problems/${this.code.replaceAll("_", "-")}`,
      title: TITLE[this.code],
      status: this.status,
      ...(this.message !== TITLE[this.code] ? { detail: this.message } : {}),
      ...(instance ? { instance } : {}),
      code: this.code,
      ...(this.reason ? { reason: this.reason } : {}),
      ...(this.errors?.length ? { errors: this.errors } : {}),
      ...(this.availableAt ? { availableAt: this.availableAt.toISOString() } : {}),
      ...(this.openAt ? { openAt: this.openAt } : {}),
    };
  }
}

export function codeForStatus(status: number): ProblemCode {
  const found = (Object.entries(STATUS) as [ProblemCode, number][]).find(([, s]) => s === status);
  if (found) return found[0];
  return status >= 500 ? "internal" : "bad_request";
}
