import { eq } from "drizzle-orm";
import type { Tx } from "../../server/db/client.ts";
import type { JobRow } from "./reads.ts";
import { job } from "./tables.ts";
import { nextJobStatus } from "./transitions.ts";

// What a hire needs from its job. The contracts feature hires; the job row is read under lock and
// written only here, its status moved through JOB_MACHINE.

export type HiringJob = JobRow;

/**
 * The job locked for update in the caller's transaction: two acceptances on one job queue behind
 * each other, so the second sees the first's hire.
 */
export async function lockJobForHire(tx: Tx, jobId: string): Promise<HiringJob | undefined> {
  const [row] = await tx.select().from(job).where(eq(job.id, jobId)).for("update");
  return row;
}

/** The last opening is taken: the job (locked by lockJobForHire) is filled. */
export async function markJobFilled(tx: Tx, locked: HiringJob) {
  await tx
    .update(job)
    .set({ status: nextJobStatus(locked.status, "fill"), updatedAt: new Date() })
    .where(eq(job.id, locked.id));
}
