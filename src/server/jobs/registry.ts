import { availabilityJobs } from "../../features/availability/jobs.ts";
import { interviewJobs } from "../../features/interviews/jobs.ts";
import { messagingJobs } from "../../features/messaging/jobs.ts";
import { notificationJobs } from "../../features/notifications/jobs.ts";
import { authJobs } from "../auth/jobs.ts";
import { mailJobs } from "../mail/jobs.ts";
import { realtimeJobs } from "../realtime/jobs.ts";

/** Every job the app runs; a feature adds its `jobs.ts` list here. */
export const APP_JOBS = [
  ...mailJobs,
  ...authJobs,
  ...realtimeJobs,
  ...notificationJobs,
  ...messagingJobs,
  ...interviewJobs,
  ...availabilityJobs,
];
