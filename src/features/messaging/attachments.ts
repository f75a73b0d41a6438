import { AppError } from "../../server/errors.ts";
import { MAX_SAMPLE_BYTES } from "../samples/schema.ts";
import { detectSampleType } from "../samples/sniff.ts";

export { cleanFileName } from "../../server/http/file-name.ts";

/** Attachments follow the work samples' rules: the same types, and at most 20 MB. */
export const MAX_ATTACHMENT_BYTES = MAX_SAMPLE_BYTES;

export const ATTACHMENT_TOO_LARGE = {
  reason: "attachment.too_large",
  detail: "An attachment may have at most 20 MB.",
};

/**
 * The content type by the samples' sniffing (content must match the name), with the refusal's
 * reason named for attachments, so the web app words it for a message rather than a portfolio.
 */
export async function detectAttachmentType(file: { name: string; bytes: Buffer }) {
  try {
    return await detectSampleType(file.bytes, file.name);
  } catch (error) {
    if (!(error instanceof AppError) || !error.reason?.startsWith("sample.")) throw error;
    throw new AppError(error.code, {
      reason: error.reason.replace(/^sample\./, "attachment."),
      detail: error.message,
      ...(error.errors ? { errors: error.errors } : {}),
    });
  }
}
