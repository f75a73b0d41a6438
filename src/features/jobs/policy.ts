import type { Actor } from "../../server/auth/actor.ts";
import { AppError } from "../../server/errors.ts";

interface JobVisibility {
  clientId: string;
  status: string;
  visibility: string;
}

export const isJobOwner = (actor: Actor | null, job: { clientId: string }) => actor?.userId === job.clientId;

/**
 * Who may see a job: its client always; nobody else a draft; an invite-only job only the invited
 * assistants. Where existence itself is private the caller answers 404, never 403.
 */
export function canViewJob(actor: Actor | null, job: JobVisibility, invited: boolean): boolean {
  if (isJobOwner(actor, job)) return true;
  if (job.status === "draft") return false;
  if (job.visibility === "invite_only") return invited;
  return true;
}

export function requireClient(actor: Actor) {
  if (!actor.roles.includes("client")) {
    throw new AppError("forbidden", {
      reason: "role.client_required",
      detail: "Only clients can post jobs.",
    });
  }
}

/** Changing a job is its client's alone; others who can see it get 403, others 404. */
export function requireJobOwner(actor: Actor, job: JobVisibility, invited: boolean) {
  if (isJobOwner(actor, job)) return;
  throw canViewJob(actor, job, invited) ? new AppError("forbidden") : new AppError("not_found");
}
