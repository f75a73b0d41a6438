import { defineFeature } from "../../server/feature.ts";
import { jobsNotices } from "./notices.ts";
import { jobsRoutes } from "./routes.ts";
import { createJobsService, type JobsService } from "./service.ts";

export const jobsFeature = defineFeature({
  name: "jobs",
  notices: jobsNotices,
  services: ({ db, notifier }) => ({ jobs: createJobsService(db, notifier) }),
  routes: ({ jobs }: { jobs: JobsService }) => [jobsRoutes(jobs)],
});
