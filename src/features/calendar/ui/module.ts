import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { searchText } from "../../../web/routes/base.ts";
import { defineWebFeature } from "../../../web/routes/web-feature.ts";
import { contractWorkspaceRoute, workspaceTab } from "../../contracts/ui/module.ts";
import { calendarNoticeLinks } from "./notices.tsx";

const calendarRoute = createRoute({
  getParentRoute: () => contractWorkspaceRoute,
  path: "calendar",
  staticData: workspaceTab({ id: "calendar", order: 30, need: "read" }),
  // ?date=2027-01-11 opens the calendar on that day's week.
  validateSearch: (search: Record<string, unknown>): { date?: string } => {
    const date = searchText(search.date);
    return date && /^\d{4}-\d{2}-\d{2}$/.test(date) ? { date } : {};
  },
  // FullCalendar (and Luxon with it) loads with this page only, never with the landing page.
  component: lazyRouteComponent(() => import("./contract-calendar-page.tsx"), "ContractCalendarPage"),
});

export const calendarWeb = defineWebFeature({
  notices: calendarNoticeLinks,
  workspaceTabs: [calendarRoute],
});
