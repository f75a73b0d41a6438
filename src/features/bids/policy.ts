import type { Actor } from "../../server/auth/actor.ts";
import { AppError } from "../../server/errors.ts";

export function requireAssistant(actor: Actor) {
  if (!actor.roles.includes("assistant")) {
    throw new AppError("forbidden", {
      reason: "role.assistant_required",
      detail: "Only assistants can bid.",
    });
  }
}

/** A bid is seen by its assistant and by the job's client; to anyone else it does not exist. */
export function canViewBid(actor: Actor, bid: { assistantId: string }, job: { clientId: string }): boolean {
  return actor.userId === bid.assistantId || actor.userId === job.clientId;
}
