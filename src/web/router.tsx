import type { QueryClient } from "@tanstack/react-query";
import { createRouter } from "@tanstack/react-router";
import { accountsPages } from "../features/accounts/ui/pages.ts";
import { availabilityPages } from "../features/availability/ui/pages.ts";
import { bidsPages } from "../features/bids/ui/pages.ts";
import { calendarPages } from "../features/calendar/ui/pages.ts";
import { contractsPages, contractWorkspaceRoute } from "../features/contracts/ui/pages.ts";
import { interviewsPages } from "../features/interviews/ui/pages.ts";
import { jobsPages } from "../features/jobs/ui/pages.ts";
import { messagingPages } from "../features/messaging/ui/pages.ts";
import { notificationsPages } from "../features/notifications/ui/pages.ts";
import { profilesPages } from "../features/profiles/ui/pages.ts";
import { samplesPages } from "../features/samples/ui/pages.ts";
import { rootRoute, signedInRoute } from "./routes/base.ts";
import type { FeaturePages } from "./routes/pages.ts";

/** Every feature's pages (features/*\/ui/pages.ts); a new domain is one line here. */
const FEATURE_PAGES = [
  accountsPages,
  jobsPages,
  bidsPages,
  samplesPages,
  profilesPages,
  contractsPages,
  calendarPages,
  messagingPages,
  notificationsPages,
  availabilityPages,
  interviewsPages,
] as const satisfies readonly FeaturePages[];

/** The routes the features put in one place, as one array whose type keeps each route's own. */
type RoutesAt<K extends keyof FeaturePages> = Extract<
  (typeof FEATURE_PAGES)[number],
  { [P in K]: readonly unknown[] }
>[K][number];
const pagesOf = <K extends keyof FeaturePages>(key: K) =>
  FEATURE_PAGES.flatMap((pages: FeaturePages) => pages[key] ?? []) as RoutesAt<K>[];

const routeTree = rootRoute.addChildren([
  ...pagesOf("public"),
  signedInRoute.addChildren([
    ...pagesOf("signedIn"),
    contractWorkspaceRoute.addChildren(pagesOf("workspaceTabs")),
  ]),
]);

export function createAppRouter(queryClient: QueryClient) {
  return createRouter({
    routeTree,
    context: { queryClient },
    defaultPreload: "intent",
    scrollRestoration: true,
  });
}

declare module "@tanstack/react-router" {
  interface Register {
    router: ReturnType<typeof createAppRouter>;
  }
}
