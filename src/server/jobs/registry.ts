import { authJobs } from "../auth/jobs.ts";
import { FEATURES } from "../features.ts";
import { mailJobs } from "../mail/jobs.ts";
import { realtimeJobs } from "../realtime/jobs.ts";

/** Every job the app runs: the infrastructure's, then each feature's declared `jobs`. */
export const APP_JOBS = [...mailJobs, ...authJobs, ...realtimeJobs, ...FEATURES.flatMap((f) => f.jobs ?? [])];
