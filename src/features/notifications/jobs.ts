import { type AnyJob, defineSweep } from "../../server/jobs/define.ts";
import { sendDigests } from "./digest.ts";

/** Hourly: each run mails the users for whom it is now the digest hour. */
export const digestJob = defineSweep({
  id: "notifications.digest",
  cron: "5 * * * *",
  retryLimit: 2,
  handler: ({ db, services, config }) => sendDigests(db, services.mailer, config.publicUrl),
});

export const notificationJobs: readonly AnyJob[] = [digestJob];
