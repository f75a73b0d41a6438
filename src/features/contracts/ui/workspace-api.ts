import { infiniteQueryOptions, type QueryClient, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch } from "../../../web/api/http.ts";
import { calendarKey } from "../../calendar/ui/calendar-api.ts";
import { roomQuery } from "../../calls/ui/room-api.ts";
import {
  CONTRACT_STATUSES,
  type ContractAction,
  contractChangeSchema,
  contractHistorySchema,
  contractOverviewSchema,
} from "../schema.ts";
import { CONTRACTS_KEY } from "./contract-api.ts";

const base = (contractId: string) => `/api/v1/contracts/${contractId}`;

/** Under the contracts key: a change of a contract refreshes the list and its workspace together. */
export const workspaceKey = (contractId: string) => [...CONTRACTS_KEY, contractId] as const;

export const overviewQuery = (contractId: string) =>
  queryOptions({
    queryKey: [...workspaceKey(contractId), "overview"],
    queryFn: ({ signal }) => apiFetch(base(contractId), { schema: contractOverviewSchema, signal }),
    // A stranger's 404 or a missing contract is the answer; asking again will not change it.
    retry: false,
  });

/** The changes after the overview's first few, page by page from its cursor. */
export const olderHistoryQuery = (contractId: string, after: string) =>
  infiniteQueryOptions({
    queryKey: [...workspaceKey(contractId), "history", after],
    initialPageParam: after,
    queryFn: ({ pageParam, signal }) =>
      apiFetch(`${base(contractId)}/history?limit=20&cursor=${encodeURIComponent(pageParam)}`, {
        schema: contractHistorySchema,
        signal,
      }),
    getNextPageParam: (page) => page.nextCursor ?? undefined,
  });

const transitionAnswer = z.object({ status: z.enum(CONTRACT_STATUSES), change: contractChangeSchema });

export const transitionContract = (contractId: string, action: ContractAction, reason: string | undefined) =>
  apiFetch(`${base(contractId)}/${action}`, {
    method: "POST",
    body: reason === undefined ? {} : { reason },
    schema: transitionAnswer,
  });

/** After a change of status: everything the contract's pages show may have changed with it. */
export async function contractChanged(queryClient: QueryClient, contractId: string) {
  await Promise.all([
    queryClient.invalidateQueries({ queryKey: CONTRACTS_KEY }),
    queryClient.invalidateQueries({ queryKey: calendarKey(contractId) }),
    queryClient.invalidateQueries({ queryKey: roomQuery({ kind: "contract", id: contractId }).queryKey }),
  ]);
}
