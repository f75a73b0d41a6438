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
