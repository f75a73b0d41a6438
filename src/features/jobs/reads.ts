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
