import { type SQL, sql } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import { job } from "./tables.ts";

// Facts about a job that other features show or check inside their own queries: each a scalar
// subquery on the primary key, so the caller's query stays one statement.

/** A job's title as a column of the caller's query (a scalar subquery on the primary key). */
export const jobTitleOf = (jobId: AnyPgColumn | SQL): SQL<string> =>
  sql<string>`(SELECT ${job.title} FROM ${job} WHERE ${job.id} = ${jobId})`;

/** A job's client as a column of the caller's query (a scalar subquery on the primary key). */
export const jobClientOf = (jobId: AnyPgColumn | SQL): SQL<string> =>
  sql<string>`(SELECT ${job.clientId} FROM ${job} WHERE ${job.id} = ${jobId})`;
