import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { signedInRoute } from "../../../web/routes/base.ts";
import { defineWebFeature } from "../../../web/routes/web-feature.ts";

const availabilityRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/availability",
  component: lazyRouteComponent(() => import("./availability-page.tsx"), "AvailabilityPage"),
});

export const availabilityWeb = defineWebFeature({ signedIn: [availabilityRoute] });
