import { type QueryKey, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { UNREAD_KEY } from "./notification-bell.tsx";

/**
 * Fetches `queryKey` again when a notice arrives. The other party's change reaches this tab as a
 * live `notification.created`, which makes the bell fetch its count again; that fetch is the cue
 * to fetch what the page shows too. A reader who switched those notices off sees the change on
 * their next visit instead.
 */
export function useRefetchOnNotice(queryKey: QueryKey) {
  const queryClient = useQueryClient();
  const key = JSON.stringify(queryKey);
  useEffect(() => {
    const unread = JSON.stringify(UNREAD_KEY);
    return queryClient.getQueryCache().subscribe((event) => {
      if (
        event.type === "updated" &&
        event.action.type === "success" &&
        JSON.stringify(event.query.queryKey) === unread
      ) {
        void queryClient.invalidateQueries({ queryKey: JSON.parse(key) as QueryKey });
      }
    });
  }, [queryClient, key]);
}
