import { type QueryClient, queryOptions } from "@tanstack/react-query";
import { apiFetch } from "../../../web/api/http.ts";
import { pagedQuery } from "../../../web/kit/paged-query.ts";
import type { PricingModel, TaskCategory } from "../../common/schema.ts";
import { type CreateJobInput, type Job, type JobAction, jobSchema, type UpdateJobInput } from "../schema.ts";

export const JOBS_KEY = ["jobs"] as const;

export interface BoardFilters {
  category?: TaskCategory | undefined;
  pricingModel?: PricingModel | undefined;
  minRateMinor?: number | undefined;
}

export const jobQuery = (id: string) =>
  queryOptions({
    queryKey: [...JOBS_KEY, "one", id],
    queryFn: ({ signal }) => apiFetch(`/api/v1/jobs/${id}`, { schema: jobSchema, signal }),
  });

/** The client's own jobs with their bid counts, a cursor page at a time. */
export const myJobsQuery = pagedQuery([...JOBS_KEY, "mine"], "/api/v1/jobs", jobSchema);

/** Open public jobs, newest first; anyone may read the board. */
export const boardQuery = (filters: BoardFilters) =>
  pagedQuery([...JOBS_KEY, "board", filters], "/api/v1/job-board", jobSchema, { ...filters });

export const createJob = (body: CreateJobInput) =>
  apiFetch("/api/v1/jobs", { method: "POST", body, schema: jobSchema });

export const updateJob = (id: string, body: UpdateJobInput) =>
  apiFetch(`/api/v1/jobs/${id}`, { method: "PATCH", body, schema: jobSchema });

export const transitionJob = (id: string, action: JobAction) =>
  apiFetch(`/api/v1/jobs/${id}/transitions`, { method: "POST", body: { action }, schema: jobSchema });

/** After a write: the fresh job in the cache, and every list that may show it refetched. */
export async function jobChanged(queryClient: QueryClient, job: Job) {
  queryClient.setQueryData(jobQuery(job.id).queryKey, job);
  await queryClient.invalidateQueries({ queryKey: [...JOBS_KEY, "mine"] });
  await queryClient.invalidateQueries({ queryKey: [...JOBS_KEY, "board"] });
}
