import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { signedInRoute } from "../../../web/routes/base.ts";
import { definePages } from "../../../web/routes/pages.ts";

const portfolioRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/portfolio",
  component: lazyRouteComponent(() => import("./portfolio-page.tsx"), "PortfolioPage"),
});

export const samplesPages = definePages({ signedIn: [portfolioRoute] });
