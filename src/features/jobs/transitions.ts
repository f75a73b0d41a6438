import { advance } from "../../server/transitions.ts";
import { JOB_MACHINE, type JobAction, type JobStatus } from "./schema.ts";

/** The status a job moves to, or 409 `job.illegal_transition`. */
export const nextJobStatus = (current: JobStatus, action: JobAction | "fill"): JobStatus =>
  advance(JOB_MACHINE, "job", current, action);
