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
  staticData: {
    nav: {
      label: "nav.myBids",
      icon: ["M14 3H6v18h12V7z", "M14 3v4h4", "M9 13h6", "M9 17h6"],
      group: "marketplace",
      audience: ["assistant"],
      order: 30,
    },
  },
  component: lazyRouteComponent(ui.myBids, "MyBidsPage"),
});

export const bidsWeb = defineWebFeature({
  notices: bidNoticeLinks,
  signedIn: [reviewRoute, myBidsRoute],
});
