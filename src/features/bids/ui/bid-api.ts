import { type QueryClient, queryOptions } from "@tanstack/react-query";
import { apiFetch } from "../../../web/api/http.ts";
import { pagedQuery } from "../../../web/kit/paged-query.ts";
import {
  type Bid,
  type BidAction,
  type BidSort,
  type BidStatus,
  bidSchema,
  type CreateBidInput,
} from "../schema.ts";

export const BIDS_KEY = ["bids"] as const;

export interface ReviewOrder {
  sort: BidSort;
  order: "asc" | "desc";
  status?: BidStatus | undefined;
}

export const myBidsQuery = pagedQuery([...BIDS_KEY, "mine"], "/api/v1/bids", bidSchema);

/** A job's bids for its owner, in the order the reviewer picked. */
export const jobBidsQuery = (jobId: string, order: ReviewOrder) =>
  pagedQuery([...BIDS_KEY, "job", jobId, order], `/api/v1/jobs/${jobId}/bids`, bidSchema, { ...order });

export const bidQuery = (id: string) =>
  queryOptions({
    queryKey: [...BIDS_KEY, "one", id],
    queryFn: ({ signal }) => apiFetch(`/api/v1/bids/${id}`, { schema: bidSchema, signal }),
  });

export const createBid = (jobId: string, body: CreateBidInput) =>
  apiFetch(`/api/v1/jobs/${jobId}/bids`, { method: "POST", body, schema: bidSchema });

export const updateBid = (id: string, body: Partial<CreateBidInput>) =>
  apiFetch(`/api/v1/bids/${id}`, { method: "PATCH", body, schema: bidSchema });

export const transitionBid = (id: string, action: BidAction, message?: string) =>
  apiFetch(`/api/v1/bids/${id}/transitions`, {
    method: "POST",
    body: message ? { action, message } : { action },
    schema: bidSchema,
  });

/** After a write: every bid list refetches (a bid shows in the assistant's and the job's lists). */
export async function bidChanged(queryClient: QueryClient, bid: Bid) {
  queryClient.setQueryData(bidQuery(bid.id).queryKey, bid);
  await queryClient.invalidateQueries({ queryKey: BIDS_KEY });
}
