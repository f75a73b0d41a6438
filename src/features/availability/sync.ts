import type { Jobs } from "../../server/jobs/boss.ts";
import type { AvailabilityService } from "./service.ts";

export const CALENDAR_SYNC_QUEUE = "calendar.sync";

/** Every 15 minutes, each subscribed calendar not fetched since is fetched again (service.syncDue). */
export async function startCalendarSync(jobs: Jobs, availability: Pick<AvailabilityService, "syncDue">) {
  await jobs.boss.createQueue(CALENDAR_SYNC_QUEUE, { policy: "short", retryLimit: 1 });
  await jobs.boss.work(CALENDAR_SYNC_QUEUE, async () => {
    await availability.syncDue();
  });
  await jobs.boss.schedule(CALENDAR_SYNC_QUEUE, "*/15 * * * *");
}
