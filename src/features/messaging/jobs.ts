import { defineSweep } from "../../server/jobs/define.ts";
import { pruneEvents } from "./event-pruning.ts";
import { noticeUnreadMessages } from "./unread-mail.ts";

/** Every minute: a message is mailed at the latest six minutes after it arrived. */
export const unreadMailJob = defineSweep({
  id: "messages.unread-mail",
  cron: "* * * * *",
  retryLimit: 2,
  handler: ({ db, services }) => noticeUnreadMessages(db, services.notifier),
});

/** Nightly at 03:30 UTC, when the log is quiet. */
export const eventPruneJob = defineSweep({
  id: "realtime.prune",
  cron: "30 3 * * *",
  retryLimit: 2,
  handler: ({ db }) => pruneEvents(db),
});

export const messagingJobs = [unreadMailJob, eventPruneJob];
