import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { lazy } from "react";
import { signedInRoute } from "../../../web/routes/base.ts";
import { defineWebFeature } from "../../../web/routes/web-feature.ts";

const notificationsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/notifications",
  component: lazyRouteComponent(() => import("./notifications-page.tsx"), "NotificationsPage"),
});

export const notificationsWeb = defineWebFeature({
  // How each type of notice reaches the reader, in the settings (after the roles, as before).
  settings: [
    {
      id: "notifications",
      Section: lazy(() =>
        import("./preferences-section.tsx").then((m) => ({ default: m.NotificationSection })),
      ),
    },
  ],
  live: async () => (await import("./live-handlers.ts")).notificationsLiveHandlers,
  signedIn: [notificationsRoute],
});
