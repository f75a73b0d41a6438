import { fileTypeFromBuffer } from "file-type";
import { AppError } from "../../server/errors.ts";
import { SAMPLE_TYPES, type SampleContentType } from "./schema.ts";

const extensionOf = (name: string) => name.toLowerCase().split(".").pop() ?? "";

function looksLikeText(bytes: Buffer): boolean {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, 64 * 1024));
    return true;
  } catch {
    // A cut in the middle of a multi-byte character at the 64 KiB boundary is fine.
    return bytes.length > 64 * 1024;
  }
}

/**
 * The type of a file as its content says, which must also agree with its name: a PNG called
 * report.pdf, or an executable called notes.txt, is refused.
 */
export async function detectSampleType(bytes: Buffer, fileName: string): Promise<SampleContentType> {
  const ext = extensionOf(fileName);
  const detected = await fileTypeFromBuffer(bytes);
  let type: string | undefined = detected?.mime;
  // Text has no magic number: CSV and TXT are accepted when the bytes are UTF-8 without NULs.
  if (!detected && looksLikeText(bytes)) type = ext === "csv" ? "text/csv" : "text/plain";
  const allowed = type ? (SAMPLE_TYPES as Record<string, readonly string[]>)[type] : undefined;
  if (!type || !allowed) {
    throw new AppError("unsupported_media_type", {
      reason: "sample.type_not_allowed",
      detail: "Allowed: PDF, PNG, JPEG, WebP, DOCX, XLSX, CSV, TXT.",
    });
  }
  if (!allowed.includes(ext)) {
    throw new AppError("unprocessable", {
      reason: "sample.type_mismatch",
      detail: `The file's content is ${allowed[0]?.toUpperCase()}, but its name ends in .${ext}.`,
      errors: [{ field: "file", code: "type_mismatch", message: `Content is ${allowed[0]?.toUpperCase()}` }],
    });
  }
  return type as SampleContentType;
}
