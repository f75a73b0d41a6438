import { queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch } from "../../../web/api/http.ts";
import { pagedQuery } from "../../../web/kit/paged-query.ts";
import {
  type CreateOfferInput,
  contractListItemSchema,
  contractSchema,
  offerDetailSchema,
  offerSchema,
} from "../schema.ts";

export const CONTRACTS_KEY = ["contracts"] as const;

export const offerQuery = (id: string) =>
  queryOptions({
    queryKey: ["offers", id],
    queryFn: ({ signal }) => apiFetch(`/api/v1/offers/${id}`, { schema: offerDetailSchema, signal }),
  });

export const contractsQuery = pagedQuery(CONTRACTS_KEY, "/api/v1/contracts", contractListItemSchema);

export const makeOffer = (bidId: string, body: CreateOfferInput) =>
  apiFetch(`/api/v1/bids/${bidId}/offers`, { method: "POST", body, schema: offerSchema });

// The answer of POST /offers/:id/response as the route declares it.
const responseSchema = z.object({ offer: offerSchema, contract: contractSchema.optional() });

export const respondToOffer = (id: string, decision: "accept" | "decline") =>
  apiFetch(`/api/v1/offers/${id}/response`, { method: "POST", body: { decision }, schema: responseSchema });
