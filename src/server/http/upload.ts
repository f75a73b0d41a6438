import type { FastifyRequest } from "fastify";
import { AppError } from "../errors.ts";
import { cleanFileName } from "./file-name.ts";
import { assertStorable } from "./storable-input.ts";

export interface UploadLimits {
  maxBytes: number;
  /** The `reason` and localized-ready detail of the 413 answer, named for the feature. */
  tooLarge: { reason: string; detail: string };
}

const malformed = () =>
  new AppError("validation_failed", {
    errors: [
      {
        field: "body",
        code: "multipart_malformed",
        message: "The upload is not complete multipart/form-data (boundary missing or body cut off).",
      },
    ],
  });

/**
 * What a failure while reading the parts means for the client. Busboy and @fastify/multipart throw
 * plain errors for a missing boundary or a body cut off mid-part; those are the client's (400), never
 * a 500. Limits keep their 413.
 */
function uploadError(error: unknown, limits: UploadLimits): AppError {
  if (error instanceof AppError) return error;
  const { code, statusCode } = error as { code?: string; statusCode?: number };
  if (code === "FST_REQ_FILE_TOO_LARGE") return new AppError("payload_too_large", limits.tooLarge);
  if (statusCode === 413)
    return new AppError("payload_too_large", {
      detail: "Send one file and at most 10 text fields per upload.",
    });
  return malformed();
}

/**
 * Reads a multipart upload of one file part plus text fields, buffering the file within the
 * limit (the stream is cut at `maxBytes`, never read to the end). Needs @fastify/multipart,
 * which the API scope registers.
 */
export async function readUpload(request: FastifyRequest, limits: UploadLimits) {
  if (!request.isMultipart())
    throw new AppError("unsupported_media_type", { detail: "Send multipart/form-data." });
  const fields: Record<string, string> = {};
  let file: { name: string; bytes: Buffer } | undefined;
  try {
    const parts = request.parts({
      limits: { fileSize: limits.maxBytes, files: 1, fields: 10 },
    });
    for await (const part of parts) {
      if (part.type === "file") {
        const bytes = await part.toBuffer();
        file = { name: cleanFileName(part.filename), bytes };
      } else {
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    throw uploadError(error, limits);
  }
  // The fields are not part of request.body, so the app-wide check has not seen them.
  assertStorable(fields);
  if (!file || file.bytes.length === 0) {
    throw new AppError("validation_failed", {
      errors: [{ field: "file", code: "required", message: "Choose a file." }],
    });
  }
  return { fields, file };
}
