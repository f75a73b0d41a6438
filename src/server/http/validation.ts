import type { FastifySchemaValidationError } from "fastify";
import type { z } from "zod";
import type { FieldError } from "../../features/problems/schema.ts";
import { AppError } from "../errors.ts";

// Our schemas use short snake_case messages ("password_too_short") as codes the web app translates;
// Zod's own messages are prose, so for those the issue code ("too_small") is the stable code.
const CODE_LIKE = /^[a-z][a-z0-9_]*$/;

interface IssueLike {
  path: readonly PropertyKey[] | string;
  code: string;
  message: string;
  keys?: readonly string[];
}

function toFieldErrors(issue: IssueLike): FieldError[] {
  const base = typeof issue.path === "string" ? issue.path : issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys" && issue.keys?.length) {
    return issue.keys.map((key) => ({
      field: base ? `${base}.${key}` : key,
      code: "unknown_field",
      message: `Unknown field "${key}"`,
    }));
  }
  return [
    { field: base, code: CODE_LIKE.test(issue.message) ? issue.message : issue.code, message: issue.message },
  ];
}

export function fieldErrorsFromZod(error: z.ZodError): FieldError[] {
  return error.issues.flatMap((issue) => toFieldErrors(issue as IssueLike));
}

/** Errors from fastify-type-provider-zod's validator (instancePath "/a/b", params carry the issue). */
export function fieldErrorsFromFastify(errors: FastifySchemaValidationError[]): FieldError[] {
  return errors.flatMap((e) =>
    toFieldErrors({
      path: e.instancePath.replace(/^\//, "").replaceAll("/", "."),
      code: String((e as { keyword?: string }).keyword ?? "invalid"),
      message: e.message ?? "invalid",
      keys: (e.params as { keys?: string[] } | undefined)?.keys,
    }),
  );
}

export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw new AppError("validation_failed", { errors: fieldErrorsFromZod(result.error) });
  return result.data;
}
