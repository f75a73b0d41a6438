import { useState } from "react";
import type { ApiError } from "../../../web/api/problem.ts";
import { toApiError } from "../../../web/api/problem-parse.ts";
import { contactKindsOf } from "./contact-warning.tsx";

/**
 * Sending (or saving an edit) with the pre-hire contact check: a refusal for contact details turns
 * into a warning with the kinds found, and `sendAnyway` repeats the same send confirmed.
 */
export function useGuardedSend(send: (confirmContact: boolean) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const [contactKinds, setContactKinds] = useState<string[] | null>(null);

  async function attempt(confirmContact: boolean) {
    setBusy(true);
    setError(null);
    try {
      await send(confirmContact);
      setContactKinds(null);
    } catch (failure) {
      const kinds = contactKindsOf(failure);
      if (kinds && !confirmContact) setContactKinds(kinds);
      else if (!(failure instanceof DOMException && failure.name === "AbortError"))
        setError(toApiError(failure));
    } finally {
      setBusy(false);
    }
  }

  return {
    busy,
    error,
    contactKinds,
    submit: () => attempt(false),
    sendAnyway: () => attempt(true),
    /** The text changed: the warning was about the old one. */
    reset: () => setContactKinds(null),
  };
}
