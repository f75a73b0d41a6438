import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { signedInRoute } from "../../../web/routes/base.ts";
import { defineWebFeature } from "../../../web/routes/web-feature.ts";
import type { InterviewStatus } from "../schema.ts";
import { interviewNoticeLinks } from "./notices.tsx";

const ui = {
  interviews: () => import("./interviews-page.tsx"),
  interview: () => import("./interview-page.tsx"),
  // Its own chunk: WebRTC, media devices and the room's styles load only when someone joins.
  room: () => import("./interview-room-page.tsx"),
};

// Types only: the schema module (and zod) stay out of the landing page's bundle.
export type InterviewListSearch = { view?: "past"; status?: InterviewStatus };
const LISTED_STATUSES: readonly InterviewStatus[] = ["requested", "confirmed", "cancelled"];

const interviewsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/interviews",
  staticData: {
    nav: {
      label: "nav.interviews",
      icon: ["M3 7h12v10H3z", "m15 10 6-3v10l-6-3"],
      group: "collaboration",
      audience: "signed-in",
      order: 60,
    },
  },
  // ?view=past and ?status=requested|confirmed|cancelled keep a filtered list linkable.
  validateSearch: (search: Record<string, unknown>): InterviewListSearch => ({
    ...(search.view === "past" ? { view: "past" as const } : {}),
    ...(LISTED_STATUSES.includes(search.status as InterviewStatus)
      ? { status: search.status as InterviewStatus }
      : {}),
  }),
  component: lazyRouteComponent(ui.interviews, "InterviewsPage"),
});
const interviewRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/interviews/$interviewId",
  component: lazyRouteComponent(ui.interview, "InterviewPage"),
});
const interviewRoomRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/interviews/$interviewId/room",
  component: lazyRouteComponent(ui.room, "InterviewRoomPage"),
});

export const interviewsWeb = defineWebFeature({
  notices: interviewNoticeLinks,
  signedIn: [interviewsRoute, interviewRoute, interviewRoomRoute],
});
