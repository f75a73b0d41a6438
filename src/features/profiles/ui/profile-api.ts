import { type QueryClient, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch } from "../../../web/api/http.ts";
import { ApiError } from "../../../web/api/problem.ts";
import { toApiError } from "../../../web/api/problem-parse.ts";
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

/** Sets the profile photo: multipart with one part `file`, answered by the updated profile. */
export async function uploadPhoto(file: File): Promise<PublicAssistantProfile> {
  const body = new FormData();
  body.append("file", file);
  let response: Response;
  try {
    response = await fetch("/api/v1/me/assistant-profile/photo", {
      method: "PUT",
      body,
      credentials: "same-origin",
      headers: { accept: "application/json, application/problem+json" },
    });
  } catch {
    throw toApiError(undefined, 0);
  }
  const answer: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw toApiError(answer, response.status);
  return publicAssistantProfileSchema.parse(answer);
}

export const removePhoto = () =>
  apiFetch("/api/v1/me/assistant-profile/photo", { method: "DELETE", schema: z.undefined() });

/**
 * The photo's address. A new photo keeps the same path and the server lets caches keep it for
 * minutes, so the profile's update time rides along to show a changed photo at once.
 */
export const photoUrl = (profile: Pick<PublicAssistantProfile, "userId" | "updatedAt">) =>
  `/api/v1/assistants/${encodeURIComponent(profile.userId)}/photo?v=${encodeURIComponent(profile.updatedAt)}`;

/** Links to a sample's file: inline for PDFs and images (the server decides), a thumbnail for images. */
export const sampleFileUrl = (id: string) => `/api/v1/samples/${encodeURIComponent(id)}/file`;
export const sampleThumbnailUrl = (id: string) => `/api/v1/samples/${encodeURIComponent(id)}/thumbnail`;
