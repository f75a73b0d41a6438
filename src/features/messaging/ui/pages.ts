import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { signedInRoute } from "../../../web/routes/base.ts";
import { definePages } from "../../../web/routes/pages.ts";

const inbox = () => import("./inbox-page.tsx");

const inboxRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/messages",
  component: lazyRouteComponent(inbox, "InboxPage"),
});
const threadRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/messages/$threadId",
  component: lazyRouteComponent(inbox, "ThreadPage"),
});

export const messagingPages = definePages({ signedIn: [inboxRoute, threadRoute] });
