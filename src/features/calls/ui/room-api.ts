import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch } from "../../../web/api/http.ts";
import { type RoomRef, roomSchema } from "../schema.ts";

const ROOM_PATHS: Record<RoomRef["kind"], (id: string) => string> = {
  interview: (id) => `/api/v1/interviews/${id}/room`,
  contract: (id) => `/api/v1/contracts/${id}/call`,
};

/** What a participant needs to join; fetched once (no refetching mid-call). */
export const roomQuery = (ref: RoomRef) =>
  queryOptions({
    queryKey: ["rooms", ref.kind, ref.id],
    queryFn: ({ signal }) => apiFetch(ROOM_PATHS[ref.kind](ref.id), { schema: roomSchema, signal }),
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });

/** Starts a contract's call: the other party is told it rings (live, and in their notifications). */
export const ringContractCall = (contractId: string) =>
  apiFetch(`/api/v1/contracts/${contractId}/call/ring`, { method: "POST", schema: z.unknown() });
