import { createRoute, lazyRouteComponent } from "@tanstack/react-router";
import { rootRoute, signedInRoute } from "../../../web/routes/base.ts";
import { defineWebFeature } from "../../../web/routes/web-feature.ts";
import { jobNoticeLinks } from "./notices.tsx";

const ui = {
  board: () => import("./job-board-page.tsx"),
  job: () => import("./job-page.tsx"),
  postJob: () => import("./post-job-page.tsx"),
  myJobs: () => import("./my-jobs-page.tsx"),
  ownerJob: () => import("./owner-job-page.tsx"),
};

// The job board and a job's page are public: assistants find work before they sign up.
const boardRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/jobs",
  staticData: {
    nav: {
      label: "nav.jobBoard",
      icon: ["M11 3a8 8 0 1 0 0 16a8 8 0 1 0 0-16z", "m21 21-4.3-4.3"],
      group: "marketplace",
      audience: "everyone",
      order: 10,
    },
  },
  component: lazyRouteComponent(ui.board, "JobBoardPage"),
});
const jobRoute = createRoute({
  getParentRoute: () => rootRoute,
  path: "/jobs/$jobId",
  component: lazyRouteComponent(ui.job, "JobPage"),
});

const myJobsRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/my-jobs",
  staticData: {
    nav: {
      label: "nav.myJobs",
      icon: ["M3 7h18v13H3z", "M9 7V4h6v3", "M3 13h18"],
      group: "marketplace",
      audience: ["client"],
      order: 20,
    },
  },
  component: lazyRouteComponent(ui.myJobs, "MyJobsPage"),
});
const postJobRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/my-jobs/new",
  component: lazyRouteComponent(ui.postJob, "PostJobPage"),
});
const ownerJobRoute = createRoute({
  getParentRoute: () => signedInRoute,
  path: "/my-jobs/$jobId",
  component: lazyRouteComponent(ui.ownerJob, "OwnerJobPage"),
});

export const jobsWeb = defineWebFeature({
  notices: jobNoticeLinks,
  public: [boardRoute, jobRoute],
  signedIn: [myJobsRoute, postJobRoute, ownerJobRoute],
});
