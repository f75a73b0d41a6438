import { getTableColumns, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Tx } from "../../server/db/client.ts";
import { lookup } from "../../server/db/lookup.ts";
import { job } from "./tables.ts";

// Facts about a job that other features show or check inside their own queries (scalar
// subqueries on the primary key, so the caller's query stays one statement).

export type JobRow = typeof job.$inferSelect;

/**
 * Jobs as a read-only subquery another feature joins to its own rows, so a bid and its job stay
 * one statement: `.innerJoin(jobs.from, eq(jobs.from.id, bid.jobId))`, selecting `jobs.row` (the
 * whole job, decoded as a JobRow). Postgres flattens the subquery into a plain join.
 */
export function jobRows(db: Tx) {
  const from = db.select().from(job).as("job_row");
  const row = Object.fromEntries(
    Object.keys(getTableColumns(job)).map((name) => [name, from[name as keyof JobRow]]),
  ) as Pick<typeof from, keyof JobRow>;
  return { from, row };
}

/** A job's title as a column of the caller's query. */
export const jobTitleOf = (jobId: AnyPgColumn | SQL) => lookup<string>(job.title, job.id, jobId);

/** A job's client as a column of the caller's query. */
export const jobClientOf = (jobId: AnyPgColumn | SQL) => lookup<string>(job.clientId, job.id, jobId);

/** The working-hour window a job wants (null for none), as a column of the caller's query. */
export const jobOverlapOf = (jobId: AnyPgColumn | SQL) =>
  lookup<(typeof job.$inferSelect)["overlap"]>(job.overlap, job.id, jobId).mapWith(job.overlap);

/** A job's start date (YYYY-MM-DD), as a column of the caller's query. */
export const jobStartOf = (jobId: AnyPgColumn | SQL) =>
  lookup<string>(job.startDate, job.id, jobId).mapWith(job.startDate);
