import { type QueryClient, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch } from "../../../web/api/http.ts";
import { type linkSampleSchema, type Sample, sampleSchema } from "../schema.ts";

export const SAMPLES_KEY = ["samples"] as const;

/** The signed-in assistant's own portfolio (the server caps it at 200, so there is no paging). */
export const ownSamplesQuery = queryOptions({
  queryKey: [...SAMPLES_KEY, "mine"],
  queryFn: ({ signal }) => apiFetch("/api/v1/samples", { schema: z.array(sampleSchema), signal }),
});

/** One sample's details; a client sees those attached to bids on their jobs. */
export const sampleQuery = (id: string) =>
  queryOptions({
    queryKey: [...SAMPLES_KEY, "one", id],
    queryFn: ({ signal }) => apiFetch(`/api/v1/samples/${id}`, { schema: sampleSchema, signal }),
    // A sample never changes after upload; it is only deleted.
    staleTime: Number.POSITIVE_INFINITY,
  });

export const createLinkSample = (body: z.input<typeof linkSampleSchema>) =>
  apiFetch("/api/v1/samples/links", { method: "POST", body, schema: sampleSchema });

export const deleteSample = (id: string) =>
  apiFetch(`/api/v1/samples/${id}`, { method: "DELETE", schema: z.unknown() });

/** The server serves PDFs and images inline, everything else as a download. */
export const sampleFileUrl = (sample: Pick<Sample, "id">) => `/api/v1/samples/${sample.id}/file`;
export const sampleThumbnailUrl = (sample: Pick<Sample, "id">) => `/api/v1/samples/${sample.id}/thumbnail`;

/** Where a sample opens: its file, or the page it links to. */
export const sampleHref = (sample: Sample) =>
  sample.kind === "link" ? (sample.url ?? "#") : sampleFileUrl(sample);

/** After an upload or a link: the new sample first in the cached portfolio, then a refetch. */
export async function sampleAdded(queryClient: QueryClient, sample: Sample) {
  queryClient.setQueryData(ownSamplesQuery.queryKey, (current) => [sample, ...(current ?? [])]);
  queryClient.setQueryData(sampleQuery(sample.id).queryKey, sample);
  await queryClient.invalidateQueries({ queryKey: ownSamplesQuery.queryKey });
}

export async function sampleRemoved(queryClient: QueryClient, id: string) {
  queryClient.setQueryData(ownSamplesQuery.queryKey, (current) => current?.filter((s) => s.id !== id));
  queryClient.removeQueries({ queryKey: sampleQuery(id).queryKey });
  await queryClient.invalidateQueries({ queryKey: ownSamplesQuery.queryKey });
}
