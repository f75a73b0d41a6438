import { type QueryClient, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch } from "../../../web/api/http.ts";
import { ApiError } from "../../../web/api/problem.ts";
import { sampleSchema } from "../../samples/schema.ts";
import {
  type AssistantProfileInput,
  type ClientProfileInput,
  clientProfileSchema,
  type PublicAssistantProfile,
  publicAssistantProfileSchema,
} from "../schema.ts";

export const PROFILES_KEY = ["profiles"] as const;

/** A 404 means "no profile yet": an answer (null) for the editors, not a failure. */
async function orNull<T>(request: Promise<T>): Promise<T | null> {
  try {
    return await request;
  } catch (error) {
    if (error instanceof ApiError && error.code === "not_found") return null;
    throw error;
  }
}

/** Anyone's public assistant profile; the public page shows the 404 as "not found". */
export const assistantProfileQuery = (userId: string) =>
  queryOptions({
    queryKey: [...PROFILES_KEY, "assistant", userId],
    queryFn: ({ signal }) =>
      apiFetch(`/api/v1/assistants/${encodeURIComponent(userId)}`, {
        schema: publicAssistantProfileSchema,
        signal,
      }),
    retry: (count, error) => !(error instanceof ApiError && error.code === "not_found") && count < 2,
  });

/** One's own assistant profile for the editor, or null before the first save. */
export const ownAssistantProfileQuery = (userId: string) =>
  queryOptions({
    queryKey: [...PROFILES_KEY, "assistant", userId, "own"],
    queryFn: ({ signal }) =>
      orNull(
        apiFetch(`/api/v1/assistants/${encodeURIComponent(userId)}`, {
          schema: publicAssistantProfileSchema,
          signal,
        }),
      ),
  });

export const publicSamplesQuery = (userId: string) =>
  queryOptions({
    queryKey: [...PROFILES_KEY, "assistant", userId, "samples"],
    queryFn: ({ signal }) =>
      apiFetch(`/api/v1/assistants/${encodeURIComponent(userId)}/samples`, {
        schema: z.array(sampleSchema),
        signal,
      }),
  });

export const ownClientProfileQuery = queryOptions({
  queryKey: [...PROFILES_KEY, "client", "own"],
  queryFn: ({ signal }) =>
    orNull(apiFetch("/api/v1/me/client-profile", { schema: clientProfileSchema, signal })),
});

export const saveAssistantProfile = (body: AssistantProfileInput) =>
  apiFetch("/api/v1/me/assistant-profile", { method: "PUT", body, schema: publicAssistantProfileSchema });

export const saveClientProfile = (body: ClientProfileInput) =>
  apiFetch("/api/v1/me/client-profile", { method: "PUT", body, schema: clientProfileSchema });

/** After a save: the editor and the public page both show the saved profile without a refetch. */
export function assistantProfileSaved(queryClient: QueryClient, profile: PublicAssistantProfile) {
  queryClient.setQueryData(assistantProfileQuery(profile.userId).queryKey, profile);
  queryClient.setQueryData(ownAssistantProfileQuery(profile.userId).queryKey, profile);
}

/** Links to a sample's file: inline for PDFs and images (the server decides), a thumbnail for images. */
export const sampleFileUrl = (id: string) => `/api/v1/samples/${encodeURIComponent(id)}/file`;
export const sampleThumbnailUrl = (id: string) => `/api/v1/samples/${encodeURIComponent(id)}/thumbnail`;
