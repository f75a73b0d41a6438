import { type AnyJob, defineSweep } from "../../server/jobs/define.ts";

/** Hourly: each run mails the users for whom it is now the digest hour. */
export const digestJob = defineSweep({
  id: "notifications.digest",
  cron: "5 * * * *",
  retryLimit: 2,
  handler: ({ services }) => services.notifications.sendDigests(),
});

export const notificationJobs: readonly AnyJob[] = [digestJob];
