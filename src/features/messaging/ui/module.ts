import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { signedInRoute } from "../../../web/routes/base.ts";
import { defineWebFeature } from "../../../web/routes/web-feature.ts";
import { messagingNoticeLinks } from "./notices.tsx";

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

export const messagingWeb = defineWebFeature({
  live: async () => (await import("./live-handlers.ts")).messagingLiveHandlers,
  notices: messagingNoticeLinks,
  signedIn: [inboxRoute, threadRoute],
});
