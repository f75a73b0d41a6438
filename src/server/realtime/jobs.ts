import { defineSweep } from "../jobs/define.ts";
import { pruneEvents } from "./event-pruning.ts";

/** Nightly at 03:30 UTC, when the log is quiet. */
export const eventPruneJob = defineSweep({
  id: "realtime.prune",
  cron: "30 3 * * *",
  retryLimit: 2,
  handler: ({ db }) => pruneEvents(db),
});

export const realtimeJobs = [eventPruneJob];
