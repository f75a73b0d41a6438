import { useRefetchOnNotice } from "../../../web/layout/use-refetch-on-notice.ts";
import { calendarKey } from "./calendar-api.ts";

/** Refreshes the open calendar when a notice arrives (calendar.event_changed from the other party). */
export function useRefreshOnNotice(contractId: string) {
  useRefetchOnNotice(calendarKey(contractId));
}
