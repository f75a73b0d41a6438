import { defineFeature } from "../../server/feature.ts";
import { jobsRoutes } from "./routes.ts";
import { createJobsService, type JobsService } from "./service.ts";

export const jobsFeature = defineFeature({
  name: "jobs",
  services: ({ db, notifier }) => ({ jobs: createJobsService(db, notifier) }),
  routes: ({ jobs }: { jobs: JobsService }) => [jobsRoutes(jobs)],
});
