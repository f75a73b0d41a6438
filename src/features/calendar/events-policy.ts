import type { Actor } from "../../server/auth/actor.ts";
import { AppError } from "../../server/errors.ts";
import type { FieldError } from "../problems/schema.ts";

// Who may do what with a contract's calendar. Only its client and its assistant see or change it;
// anyone else is told the contract does not exist (404), as for its messages.

export interface ContractParties {
  clientId: string;
  assistantId: string;
  status: string;
}

/** The actor's side of the contract and the other party's id; 404 for anyone else. */
export function partyOf(actor: Actor, c: ContractParties) {
  if (actor.userId === c.clientId) return { role: "client" as const, otherId: c.assistantId };
  if (actor.userId === c.assistantId) return { role: "assistant" as const, otherId: c.clientId };
  throw new AppError("not_found");
}

/** Both parties keep reading an ended contract's calendar; changing it ends with the contract. */
export function requireActive(c: ContractParties) {
  if (c.status !== "active") {
    throw new AppError("conflict", {
      reason: "contract.ended",
      detail: "This contract has ended; its calendar can be read but no longer changed.",
    });
  }
}

/** A 400 naming the fields whose values do not fit together (times, the repeat rule). */
export function invalidFields(errors: { field: string; code: string }[]): AppError {
  const list: FieldError[] = errors.map((e) => ({ ...e, message: e.code.replaceAll("_", " ") }));
  return new AppError("validation_failed", { errors: list });
}
