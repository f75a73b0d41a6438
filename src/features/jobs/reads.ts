import type { SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { lookup } from "../../server/db/lookup.ts";
import { job } from "./tables.ts";

// Facts about a job that other features show or check inside their own queries (scalar
// subqueries on the primary key, so the caller's query stays one statement).

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
