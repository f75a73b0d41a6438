import { useState } from "react";
import type { ApiError } from "../api/problem.ts";
import { toApiError } from "../api/problem-parse.ts";

/**
 * A button's request outside a form (publish, shortlist, accept …): which one is running, and the
 * last failure as an ApiError for FormAlert.
 */
export function useAction<K extends string>() {
  const [busy, setBusy] = useState<K | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function run(key: K, action: () => Promise<unknown>) {
    setBusy(key);
    setError(null);
    try {
      await action();
    } catch (failure) {
      setError(toApiError(failure));
    } finally {
      setBusy(null);
    }
  }

  return { busy, error, run };
}
