import { AppError } from "../../server/errors.ts";
import type { JobAction, JobStatus } from "./schema.ts";

/**
 * The job lifecycle as a table: for each action, the states it may start from and where it leads.
 * `fill` is the system's action when the last opening is hired; people use the others.
 */
export const JOB_TRANSITIONS: Record<JobAction | "fill", { from: readonly JobStatus[]; to: JobStatus }> = {
  publish: { from: ["draft"], to: "open" },
  pause: { from: ["open"], to: "paused" },
  resume: { from: ["paused"], to: "open" },
  fill: { from: ["open", "paused"], to: "filled" },
  close: { from: ["open", "paused", "filled"], to: "closed" },
  cancel: { from: ["draft", "open", "paused"], to: "cancelled" },
};

export function nextJobStatus(current: JobStatus, action: JobAction | "fill"): JobStatus {
  const rule = JOB_TRANSITIONS[action];
  if (!rule.from.includes(current)) {
    throw new AppError("conflict", {
      reason: "job.illegal_transition",
      detail: `A ${current} job cannot ${action}.`,
    });
  }
  return rule.to;
}
