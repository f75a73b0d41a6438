import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { z } from "zod";
import { apiFetch } from "../../../web/api/http.ts";
import {
  type CreateEventInput,
  calendarContextSchema,
  contractEventSchema,
  eventListSchema,
  type OccurrenceScope,
  occurrenceChangeSchema,
  type UpdateEventInput,
} from "../schema.ts";

/** Everything one contract's calendar page shows lives under this key, so a change refreshes it all. */
export const calendarKey = (contractId: string) => ["contract-calendar", contractId] as const;

export interface Window {
  from: string;
  to: string;
}

const base = (contractId: string) => `/api/v1/contracts/${contractId}`;
const range = (w: Window) => `from=${encodeURIComponent(w.from)}&to=${encodeURIComponent(w.to)}`;

export const eventsQuery = (contractId: string, w: Window) =>
  queryOptions({
    queryKey: [...calendarKey(contractId), "events", w.from, w.to],
    queryFn: ({ signal }) =>
      apiFetch(`${base(contractId)}/events?${range(w)}`, { schema: eventListSchema, signal }),
    // Paging to the next week keeps the last week's events on screen until the new ones are in.
    placeholderData: keepPreviousData,
  });

export const contextQuery = (contractId: string, w: Window) =>
  queryOptions({
    queryKey: [...calendarKey(contractId), "context", w.from, w.to],
    queryFn: ({ signal }) =>
      apiFetch(`${base(contractId)}/calendar-context?${range(w)}`, { schema: calendarContextSchema, signal }),
    placeholderData: keepPreviousData,
    staleTime: 5 * 60_000,
  });

export const createEvent = (contractId: string, body: CreateEventInput) =>
  apiFetch(`${base(contractId)}/events`, { method: "POST", body, schema: contractEventSchema });

export const updateEvent = (contractId: string, eventId: string, body: UpdateEventInput) =>
  apiFetch(`${base(contractId)}/events/${eventId}`, { method: "PATCH", body, schema: contractEventSchema });

export const deleteEvent = (contractId: string, eventId: string) =>
  apiFetch(`${base(contractId)}/events/${eventId}`, { method: "DELETE", schema: z.unknown() });

/** One occurrence of a series (by the start the series gives it), or it and all that follow. */
const occurrenceUrl = (contractId: string, eventId: string, originalStart: string, scope: OccurrenceScope) =>
  `${base(contractId)}/events/${eventId}/occurrences/${encodeURIComponent(originalStart)}?scope=${scope}`;

export const updateOccurrence = (
  contractId: string,
  eventId: string,
  originalStart: string,
  scope: OccurrenceScope,
  body: UpdateEventInput,
) =>
  apiFetch(occurrenceUrl(contractId, eventId, originalStart, scope), {
    method: "PUT",
    body,
    schema: occurrenceChangeSchema,
  });

export const deleteOccurrence = (
  contractId: string,
  eventId: string,
  originalStart: string,
  scope: OccurrenceScope,
) =>
  apiFetch(occurrenceUrl(contractId, eventId, originalStart, scope), {
    method: "DELETE",
    schema: z.unknown(),
  });
