import { z } from "zod";
import {
  contractEventParamsSchema,
  contractEventSchema,
  instantSchema,
  occurrenceSchema,
} from "./events-schema.ts";

// Changing or deleting one occurrence of a recurring event, or it and all that follow, as calendar
// apps offer it; the whole series is changed through the event itself (PATCH/DELETE).

export const OCCURRENCE_SCOPES = ["this", "following"] as const;
export type OccurrenceScope = (typeof OCCURRENCE_SCOPES)[number];

export const occurrenceParamsSchema = contractEventParamsSchema.extend({
  originalStart: instantSchema.describe(
    "Where the series puts the occurrence, as an instant (its `originalStartsAt` in the list; RECURRENCE-ID)",
  ),
});

export const occurrenceScopeSchema = z.object({
  scope: z
    .enum(OCCURRENCE_SCOPES)
    .default("this")
    .describe(
      "`this`: only this occurrence. `following`: the series ends just before it and a new series starts there with the change",
    ),
});

/** A changed occurrence, or the new series that starts at it, and where that occurrence now is. */
export const occurrenceChangeSchema = z.object({
  event: contractEventSchema.describe("The series now holding the occurrence (a new one for `following`)"),
  occurrence: occurrenceSchema,
});
export type OccurrenceChange = z.infer<typeof occurrenceChangeSchema>;
