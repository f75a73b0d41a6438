import { type AnyJob, defineSweep } from "../../server/jobs/define.ts";
import { noticeUnreadMessages } from "./unread-mail.ts";

/** Every minute: a message is mailed at the latest six minutes after it arrived. */
export const unreadMailJob = defineSweep({
  id: "messages.unread-mail",
  cron: "* * * * *",
  retryLimit: 2,
  handler: ({ db, services }) => noticeUnreadMessages(db, services.notifier),
});

export const messagingJobs: readonly AnyJob[] = [unreadMailJob];
