import type { Actor } from "../../server/auth/actor.ts";
import { AppError } from "../../server/errors.ts";
import { contactKinds } from "./contact-detection.ts";
import { type ContactKind, EDIT_WINDOW_MS } from "./schema.ts";

// Who may do what with threads and messages. Existence is private: someone outside a thread is
// told it does not exist (404), whatever they ask for. Who opens a contract's thread is the
// contract gate's to say (a "message" scope, contracts/gate.ts); its participants are then the two
// parties, so the checks below cover its messages.

export function requireParticipant(actor: Actor, participantIds: readonly string[]) {
  if (!participantIds.includes(actor.userId)) throw new AppError("not_found");
}

/** A participant sees every message, but changes only their own, and a deleted one no more. */
export function requireOwnLiveMessage(actor: Actor, m: { senderId: string; deletedAt: Date | null }) {
  if (m.senderId !== actor.userId) {
    throw new AppError("forbidden", {
      reason: "message.not_own",
      detail: "Only the sender can change a message.",
    });
  }
  if (m.deletedAt) {
    throw new AppError("conflict", { reason: "message.deleted", detail: "This message was deleted." });
  }
}

export function requireEditable(createdAt: Date, now: Date) {
  if (now.getTime() - createdAt.getTime() > EDIT_WINDOW_MS) {
    throw new AppError("conflict", {
      reason: "message.edit_window_passed",
      detail: "A message can be edited for 10 minutes after sending.",
    });
  }
}

const KIND_LABEL: Record<ContactKind, string> = {
  email: "an e-mail address",
  phone: "a phone number",
  messenger: "a messenger handle",
};

/**
 * Before hire, contact details are held back until the sender confirms: a 422 names the kinds found
 * (one field error each) so the web app can warn that talks stay on Assista until hire. Returns the
 * kinds, which mark the delivered message for the recipient.
 */
export function checkContacts(body: string, enabled: boolean, confirmed: boolean): ContactKind[] {
  if (!enabled) return [];
  const kinds = contactKinds(body);
  if (kinds.length && !confirmed) {
    throw new AppError("unprocessable", {
      reason: "message.contact_detected",
      detail: `The message contains ${kinds.map((k) => KIND_LABEL[k]).join(", ")}. Until hire, talks stay on Assista; send with confirmContact to deliver it marked.`,
      errors: kinds.map((k) => ({ field: "body", code: `contact_${k}`, message: KIND_LABEL[k] })),
    });
  }
  return kinds;
}
