import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { signedInRoute } from "../../../web/routes/base.ts";
import { definePages } from "../../../web/routes/pages.ts";

const availabilityRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/availability",
  component: lazyRouteComponent(() => import("./availability-page.tsx"), "AvailabilityPage"),
});

export const availabilityPages = definePages({ signedIn: [availabilityRoute] });
