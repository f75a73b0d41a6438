import type { TFunction } from "i18next";
import type { z } from "zod";
import { PASSWORD_MAX, PASSWORD_MIN } from "../../features/accounts/schema.ts";

/** Field path -> stable error code ("password_too_short"), from zod or from the server alike. */
export type FieldErrors = Record<string, string>;

// Our schemas carry the code as the zod message; anything else (a library default) reads as "invalid".
const CODE = /^[a-z][a-z_]*$/;

export function fieldErrorsFromIssues(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join(".");
    errors[field] ??= CODE.test(issue.message) ? issue.message : "invalid";
  }
  return errors;
}

export function translateFieldError(t: TFunction, code: string | undefined): string | undefined {
  if (!code) return undefined;
  return t([`errors.field.${code}`, "errors.field.invalid"], { min: PASSWORD_MIN, max: PASSWORD_MAX });
}
