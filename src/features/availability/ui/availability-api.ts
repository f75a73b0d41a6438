import { type QueryClient, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch } from "../../../web/api/http.ts";
import { type UploadOptions, uploadMultipart } from "../../../web/api/upload.ts";
import {
  type Availability,
  availabilityViewSchema,
  calendarFeedSchema,
  calendarImportSchema,
  type ImportUrlInput,
} from "../schema.ts";

export const AVAILABILITY_KEY = ["availability"] as const;
const IMPORTS_KEY = [...AVAILABILITY_KEY, "imports"] as const;
const FEEDS_KEY = [...AVAILABILITY_KEY, "feeds"] as const;

/** The server's limit, checked before uploading. */
export { MAX_ICS_BYTES } from "../../calendar/schema.ts";

export const availabilityQuery = queryOptions({
  queryKey: [...AVAILABILITY_KEY, "mine"],
  queryFn: ({ signal }) => apiFetch("/api/v1/me/availability", { schema: availabilityViewSchema, signal }),
});

export const saveAvailability = (body: Availability) =>
  apiFetch("/api/v1/me/availability", { method: "PUT", body, schema: availabilityViewSchema });

export const importsQuery = queryOptions({
  queryKey: IMPORTS_KEY,
  queryFn: ({ signal }) =>
    apiFetch("/api/v1/me/calendar-imports", { schema: z.array(calendarImportSchema), signal }),
});

export const addImportUrl = (body: ImportUrlInput) =>
  apiFetch("/api/v1/me/calendar-imports", { method: "POST", body, schema: calendarImportSchema });

export const uploadIcs = (file: File, name: string, options?: UploadOptions) =>
  uploadMultipart(
    "/api/v1/me/calendar-imports/file",
    name ? { name } : {},
    file,
    { schema: calendarImportSchema, tooLargeReason: "ics.too_large" },
    options,
  );

export const syncImport = (id: string) =>
  apiFetch(`/api/v1/me/calendar-imports/${id}/sync`, { method: "POST", schema: calendarImportSchema });

export const removeImport = (id: string) =>
  apiFetch(`/api/v1/me/calendar-imports/${id}`, { method: "DELETE", schema: z.unknown() });

export const feedsQuery = queryOptions({
  queryKey: FEEDS_KEY,
  queryFn: ({ signal }) =>
    apiFetch("/api/v1/me/calendar-feeds", { schema: z.array(calendarFeedSchema), signal }),
});

export const createFeed = () =>
  apiFetch("/api/v1/me/calendar-feeds", {
    method: "POST",
    body: { contractId: null },
    schema: calendarFeedSchema,
  });

export const revokeFeed = (id: string) =>
  apiFetch(`/api/v1/me/calendar-feeds/${id}`, { method: "DELETE", schema: z.unknown() });

export const importsChanged = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: IMPORTS_KEY });
export const feedsChanged = (queryClient: QueryClient) =>
  queryClient.invalidateQueries({ queryKey: FEEDS_KEY });
