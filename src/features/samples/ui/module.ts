import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { signedInRoute } from "../../../web/routes/base.ts";
import { defineWebFeature } from "../../../web/routes/web-feature.ts";

const portfolioRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/portfolio",
  staticData: {
    nav: {
      label: "nav.portfolio",
      icon: ["M3 6h6l2 2h10v11H3z"],
      group: "marketplace",
      audience: ["assistant"],
      order: 40,
    },
  },
  component: lazyRouteComponent(() => import("./portfolio-page.tsx"), "PortfolioPage"),
});

export const samplesWeb = defineWebFeature({ signedIn: [portfolioRoute] });
