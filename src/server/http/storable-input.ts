import type { FastifyInstance } from "fastify";
import type { FieldError } from "../../features/problems/schema.ts";
import { AppError } from "../errors.ts";

// Text that no column can hold: PostgreSQL's text and jsonb refuse U+0000, and a lone UTF-16
// surrogate has no UTF-8 encoding, so the driver fails the query and the client got a 500. The rule
// lives here, once, for every route (body, query and path parameters, Better Auth's mount included),
// so no schema and no new field has to remember it.

const NUL = "\u0000";

function problemOf(text: string): Pick<FieldError, "code" | "message"> | undefined {
  if (text.includes(NUL)) return { code: "text_nul", message: "Text must not contain NUL characters." };
  if (!text.isWellFormed())
    return { code: "text_malformed", message: "Text must be valid Unicode (no lone surrogates)." };
  return undefined;
}

const MAX_DEPTH = 64;

/** Every field (dotted path, as validation errors name them) whose text or key cannot be stored. */
export function unstorableFields(value: unknown, path = "", depth = 0): FieldError[] {
  if (typeof value === "string") {
    const problem = problemOf(value);
    return problem ? [{ field: path, ...problem }] : [];
  }
  if (typeof value !== "object" || value === null || ArrayBuffer.isView(value) || depth > MAX_DEPTH)
    return [];
  const found: FieldError[] = [];
  for (const [key, child] of Object.entries(value)) {
    const field = path ? `${path}.${key}` : key;
    const keyProblem = problemOf(key);
    if (keyProblem) found.push({ field: path || "body", ...keyProblem });
    else found.push(...unstorableFields(child, field, depth + 1));
    // One screenful of errors says enough; a hostile body could carry thousands.
    if (found.length >= 20) break;
  }
  return found;
}

/** Throws the 400 problem naming each unstorable field, if any. */
export function assertStorable(...parts: unknown[]) {
  const errors = parts.flatMap((part) => unstorableFields(part));
  if (errors.length) throw new AppError("validation_failed", { errors });
}

/** Checks every request's path parameters, query and parsed body before its route's schema runs. */
export function registerStorableInput(app: FastifyInstance) {
  app.addHook("preValidation", async (request) => {
    assertStorable(request.params, request.query, request.body);
  });
}
