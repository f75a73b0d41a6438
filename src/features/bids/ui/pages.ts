import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { signedInRoute } from "../../../web/routes/base.ts";
import { definePages } from "../../../web/routes/pages.ts";

const ui = {
  review: () => import("./review-page.tsx"),
  myBids: () => import("./my-bids-page.tsx"),
};

const reviewRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/my-jobs/$jobId/bids",
  component: lazyRouteComponent(ui.review, "ReviewPage"),
});
const myBidsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/my-bids",
  component: lazyRouteComponent(ui.myBids, "MyBidsPage"),
});

export const bidsPages = definePages({ signedIn: [reviewRoute, myBidsRoute] });
