import type { FieldError, Problem, ProblemCode } from "../../features/problems/schema.ts";

// No runtime zod here: this module is on the landing page's critical path. Parsing a problem body
// lives in problem-parse.ts, which loads with the first page that submits a form.

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
