import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { signedInRoute } from "../../../web/routes/base.ts";
import { defineWebFeature } from "../../../web/routes/web-feature.ts";

const availabilityRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/availability",
  staticData: {
    nav: {
      label: "nav.availability",
      icon: ["M12 3a9 9 0 1 0 0 18a9 9 0 1 0 0-18z", "M12 7v5l3 2"],
      group: "collaboration",
      audience: "signed-in",
      order: 70,
    },
  },
  component: lazyRouteComponent(() => import("./availability-page.tsx"), "AvailabilityPage"),
});

export const availabilityWeb = defineWebFeature({ signedIn: [availabilityRoute] });
