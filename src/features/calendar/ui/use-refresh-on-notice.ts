import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { UNREAD_KEY } from "../../../web/layout/notification-bell.tsx";
import { calendarKey } from "./calendar-api.ts";

/**
 * Refreshes the open calendar when a notice arrives. The other party's change reaches this tab as
 * a live `notification.created` (calendar.event_changed), which makes the bell fetch its count
 * again; that fetch is the cue to fetch the calendar again too. A reader who switched those
 * notices off sees the change on their next visit or window focus instead.
 */
export function useRefreshOnNotice(contractId: string) {
  const queryClient = useQueryClient();
  useEffect(() => {
    const unread = JSON.stringify(UNREAD_KEY);
    return queryClient.getQueryCache().subscribe((event) => {
      if (
        event.type === "updated" &&
        event.action.type === "success" &&
        JSON.stringify(event.query.queryKey) === unread
      ) {
        void queryClient.invalidateQueries({ queryKey: calendarKey(contractId) });
      }
    });
  }, [queryClient, contractId]);
}
