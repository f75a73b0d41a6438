import type { FastifyRequest } from "fastify";
import { AppError } from "../errors.ts";
import { cleanFileName } from "./file-name.ts";

export interface UploadLimits {
  maxBytes: number;
  /** The `reason` and localized-ready detail of the 413 answer, named for the feature. */
  tooLarge: { reason: string; detail: string };
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
  const parts = request.parts({
    limits: { fileSize: limits.maxBytes, files: 1, fields: 10 },
  });
  for await (const part of parts) {
    if (part.type === "file") {
      const bytes = await part.toBuffer().catch((error: { code?: string }) => {
        if (error.code === "FST_REQ_FILE_TOO_LARGE") throw new AppError("payload_too_large", limits.tooLarge);
        throw error;
      });
      file = { name: cleanFileName(part.filename), bytes };
    } else {
      fields[part.fieldname] = String(part.value);
    }
  }
  if (!file || file.bytes.length === 0) {
    throw new AppError("validation_failed", {
      errors: [{ field: "file", code: "required", message: "Choose a file." }],
    });
  }
  return { fields, file };
}
