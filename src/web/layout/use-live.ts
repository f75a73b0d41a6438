import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";

/**
 * Keeps the tab's live connection open while someone is signed in. The module loads on demand, so
 * the landing page does not carry it; signing out (or in as someone else) closes and reopens it.
 */
export function useLive(userId: string | undefined) {
  const queryClient = useQueryClient();
  useEffect(() => {
    if (!userId) return;
    let stop: (() => void) | undefined;
    let cancelled = false;
    void import("../live/connect.ts")
      .then(({ connectLive }) => connectLive(queryClient, userId))
      .then((close) => {
        if (cancelled) close();
        else stop = close;
      });
    return () => {
      cancelled = true;
      stop?.();
    };
  }, [queryClient, userId]);
}
