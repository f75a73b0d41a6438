import { type QueryClient, queryOptions } from "@tanstack/react-query";
import { apiFetch } from "../../../web/api/http.ts";
import { pagedQuery, searchOf } from "../../../web/kit/paged-query.ts";
import {
  type Interview,
  type InterviewStatus,
  type InterviewView,
  interviewSchema,
  type RequestInterviewInput,
  slotsSchema,
} from "../schema.ts";

export const INTERVIEWS_KEY = ["interviews"] as const;

/** One filtered list (view and status as in GET /api/v1/interviews), 50 at a time. */
export const interviewsQuery = (filter: { view: InterviewView; status?: InterviewStatus }) =>
  pagedQuery([...INTERVIEWS_KEY, "list", filter], "/api/v1/interviews", interviewSchema, {
    limit: 50,
    ...filter,
  });

export const interviewQuery = (id: string) =>
  queryOptions({
    queryKey: [...INTERVIEWS_KEY, "one", id],
    queryFn: ({ signal }) => apiFetch(`/api/v1/interviews/${id}`, { schema: interviewSchema, signal }),
  });

/** The common free times of a bid's two parties in a window (UTC instants). */
export const slotsQuery = (bidId: string, durationMinutes: number, from: string, to: string) =>
  queryOptions({
    queryKey: [...INTERVIEWS_KEY, "slots", bidId, durationMinutes, from, to],
    queryFn: ({ signal }) =>
      apiFetch(`/api/v1/bids/${bidId}/interview-slots${searchOf({ durationMinutes, from, to })}`, {
        schema: slotsSchema,
        signal,
      }),
  });

export const requestInterview = (bidId: string, body: RequestInterviewInput) =>
  apiFetch(`/api/v1/bids/${bidId}/interviews`, { method: "POST", body, schema: interviewSchema });

export const confirmInterview = (id: string, start: string) =>
  apiFetch(`/api/v1/interviews/${id}/confirm`, { method: "POST", body: { start }, schema: interviewSchema });

export const rescheduleInterview = (id: string, start: string, reason: string) =>
  apiFetch(`/api/v1/interviews/${id}/reschedule`, {
    method: "POST",
    body: { start, reason },
    schema: interviewSchema,
  });

export const cancelInterview = (id: string, reason: string) =>
  apiFetch(`/api/v1/interviews/${id}/cancel`, { method: "POST", body: { reason }, schema: interviewSchema });

/** After a write: the interview's own page shows the answer, lists and slots refetch. */
export async function interviewChanged(queryClient: QueryClient, interview: Interview) {
  queryClient.setQueryData(interviewQuery(interview.id).queryKey, interview);
  await queryClient.invalidateQueries({ queryKey: [...INTERVIEWS_KEY, "list"] });
  await queryClient.invalidateQueries({ queryKey: [...INTERVIEWS_KEY, "slots"] });
}
