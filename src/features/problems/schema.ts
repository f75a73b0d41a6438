import { z } from "zod";

// The closed set of generic error codes (RFC 9457 problem types). Domains add a stable `reason`
// (e.g. "job.illegal_transition") instead of growing this list.
export const PROBLEM_CODES = [
  "bad_request",
  "validation_failed",
  "unauthenticated",
  "forbidden",
  "not_found",
  "method_not_allowed",
  "request_timeout",
  "conflict",
  "unprocessable",
  "payload_too_large",
  "uri_too_long",
  "unsupported_media_type",
  "rate_limited",
  "headers_too_large",
  "unavailable",
  "internal",
] as const;
export type ProblemCode = (typeof PROBLEM_CODES)[number];

export const fieldErrorSchema = z.object({
  /** Dotted path of the field, e.g. "email" or "questions.2.text". */
  field: z.string(),
  /** Stable code the web app localizes (e.g. "password_too_short"). */
  code: z.string(),
  message: z.string(),
});
export type FieldError = z.infer<typeof fieldErrorSchema>;

export const problemSchema = z.object({
  type: z.string(),
  title: z.string(),
  status: z.number().int(),
  detail: z.string().optional(),
  instance: z.string().optional(),
  code: z.enum(PROBLEM_CODES),
  reason: z.string().optional(),
  errors: z.array(fieldErrorSchema).optional(),
  /** When a refusal that is only about time lifts (e.g. a video room not open yet); Retry-After beside it. */
  availableAt: z.string().optional(),
  /** The address the app is served at, when a request came through another (`request.wrong_address`). */
  openAt: z.string().optional(),
});
export type Problem = z.infer<typeof problemSchema>;

/** The problem answers a route documents, e.g. `problemResponses(400, 401, 404)`, for its response map. */
export function problemResponses<S extends number>(...statuses: S[]): Record<S, typeof problemSchema> {
  return Object.fromEntries(statuses.map((s) => [s, problemSchema])) as Record<S, typeof problemSchema>;
}

/** The `:id` path parameter of routes addressing one record. */
export const idParamsSchema = z.object({ id: z.uuid({ message: "id_invalid" }) });
