import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { signedInRoute } from "../../../web/routes/base.ts";
import { defineWebFeature } from "../../../web/routes/web-feature.ts";

const portfolioRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/portfolio",
  component: lazyRouteComponent(() => import("./portfolio-page.tsx"), "PortfolioPage"),
});

export const samplesWeb = defineWebFeature({ signedIn: [portfolioRoute] });
