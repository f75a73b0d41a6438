import { type AnyJob, defineSweep } from "../../server/jobs/define.ts";

/** Every 15 minutes, each subscribed calendar not fetched since is fetched again (service.syncDue). */
export const calendarSyncJob = defineSweep({
  id: "calendar.sync",
  cron: "*/15 * * * *",
  retryLimit: 1,
  handler: ({ services }) => services.availability.syncDue(),
});

export const availabilityJobs: readonly AnyJob[] = [calendarSyncJob];
