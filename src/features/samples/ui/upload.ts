import type { ApiError } from "../../../web/api/problem.ts";
import { multipartOutcome, type UploadOptions, uploadMultipart } from "../../../web/api/upload.ts";
import { type Sample, sampleSchema } from "../schema.ts";

export { percentOf, type UploadRequest } from "../../../web/api/upload.ts";

/** The text fields of an upload as the multipart parts the server reads (see samples/routes.ts). */
export interface UploadFields {
  title: string;
  description: string;
  category: string;
  visibility: string;
}

const TOO_LARGE = "sample.too_large";

/** The server's answer as a sample or an ApiError (a bare 413 reads as the sample being too large). */
export function uploadOutcome(status: number, text: string): { sample: Sample } | { error: ApiError } {
  const outcome = multipartOutcome(status, text, sampleSchema, TOO_LARGE);
  return "value" in outcome ? { sample: outcome.value } : outcome;
}

/** Uploads a file sample to the portfolio, reporting progress. */
export function uploadSample(fields: UploadFields, file: File, options: UploadOptions = {}): Promise<Sample> {
  return uploadMultipart(
    "/api/v1/samples",
    { ...fields },
    file,
    { schema: sampleSchema, tooLargeReason: TOO_LARGE },
    options,
  );
}
