import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { signedInRoute } from "../../../web/routes/base.ts";
import { defineWebFeature } from "../../../web/routes/web-feature.ts";

const notificationsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/notifications",
  component: lazyRouteComponent(() => import("./notifications-page.tsx"), "NotificationsPage"),
});

export const notificationsWeb = defineWebFeature({
  live: async () => (await import("./live-handlers.ts")).notificationsLiveHandlers,
  signedIn: [notificationsRoute],
});
