import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { signedInRoute } from "../../../web/routes/base.ts";
import { defineWebFeature } from "../../../web/routes/web-feature.ts";
import { bidNoticeLinks } from "./notices.tsx";

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

export const bidsWeb = defineWebFeature({
  notices: bidNoticeLinks,
  signedIn: [reviewRoute, myBidsRoute],
});
