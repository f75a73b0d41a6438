import { defineSweep } from "../jobs/define.ts";

/** Nightly at 03:40 UTC, beside the other sweeps: counts nobody added to for a day are dropped. */
export const throttlePruneJob = defineSweep({
  id: "auth.throttle.prune",
  cron: "40 3 * * *",
  retryLimit: 2,
  handler: ({ signInThrottle }) => signInThrottle.prune(),
});

export const authJobs = [throttlePruneJob];
