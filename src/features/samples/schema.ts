import { z } from "zod";
import { plainText, taskCategorySchema } from "../common/schema.ts";

/** 20 MB: a scanned multi-page PDF fits; a video does not belong in a portfolio. */
export const MAX_SAMPLE_BYTES = 20 * 1024 * 1024;

/** The file types a work sample may have, keyed by the type detected from the content. */
export const SAMPLE_TYPES = {
  "application/pdf": ["pdf"],
  "image/png": ["png"],
  "image/jpeg": ["jpg", "jpeg"],
  "image/webp": ["webp"],
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document": ["docx"],
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": ["xlsx"],
  "text/csv": ["csv"],
  "text/plain": ["txt"],
} as const;
export type SampleContentType = keyof typeof SAMPLE_TYPES;

export const SAMPLE_VISIBILITIES = ["public", "bids_only"] as const;

/** The text fields of a sample; a file comes as a multipart part, a link as `url`. */
export const sampleFieldsSchema = z.strictObject({
  title: plainText(140),
  description: z.string().trim().max(2_000).default(""),
  category: taskCategorySchema,
  /** public: on the profile for anyone; bids_only: seen only by clients of jobs it was attached to. */
  visibility: z.enum(SAMPLE_VISIBILITIES).default("bids_only"),
});

export const linkSampleSchema = sampleFieldsSchema.extend({
  url: z.url({ protocol: /^https?$/, message: "url_invalid" }).max(2_000),
});

export const sampleSchema = z.object({
  id: z.uuid(),
  ownerId: z.string(),
  title: z.string(),
  description: z.string(),
  category: taskCategorySchema,
  visibility: z.enum(SAMPLE_VISIBILITIES),
  kind: z.enum(["file", "link"]),
  url: z.string().nullable(),
  fileName: z.string().nullable(),
  contentType: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  hasThumbnail: z.boolean(),
  createdAt: z.string(),
});
export type Sample = z.infer<typeof sampleSchema>;
