import { AppError } from "../../server/errors.ts";
import type { FieldError } from "../problems/schema.ts";

// Who may see or change a contract's calendar is the contract gate's to say (contracts/gate.ts):
// reading takes a "read" scope, every change a "write:event" one.

/** A 400 naming the fields whose values do not fit together (times, the repeat rule). */
export function invalidFields(errors: { field: string; code: string }[]): AppError {
  const list: FieldError[] = errors.map((e) => ({ ...e, message: e.code.replaceAll("_", " ") }));
  return new AppError("validation_failed", { errors: list });
}
