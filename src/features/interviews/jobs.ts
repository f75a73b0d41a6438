import { type AnyJob, defineSweep } from "../../server/jobs/define.ts";
import { sendDueReminders } from "./reminders.ts";

/** Every minute: the reminders that came due (a sweep; reminders.ts says why). */
export const reminderJob = defineSweep({
  id: "interviews.reminders",
  cron: "* * * * *",
  retryLimit: 2,
  handler: ({ db, services }) => sendDueReminders(db, services.interviews),
});

export const interviewJobs: readonly AnyJob[] = [reminderJob];
