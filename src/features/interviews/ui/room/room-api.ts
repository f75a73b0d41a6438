import { queryOptions } from "@tanstack/react-query";
import { apiFetch } from "../../../../web/api/http.ts";
import { interviewSchema, roomSchema } from "../../schema.ts";

/** What a participant needs to join; fetched once (no refetching mid-call). */
export const roomQuery = (interviewId: string) =>
  queryOptions({
    queryKey: ["interviews", interviewId, "room"],
    queryFn: ({ signal }) =>
      apiFetch(`/api/v1/interviews/${interviewId}/room`, { schema: roomSchema, signal }),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

/** The interview itself: before the room opens it says when it will. */
export const interviewQuery = (interviewId: string) =>
  queryOptions({
    queryKey: ["interviews", interviewId],
    queryFn: ({ signal }) =>
      apiFetch(`/api/v1/interviews/${interviewId}`, { schema: interviewSchema, signal }),
  });
