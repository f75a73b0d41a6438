import type { Readable } from "node:stream";
import { create as contentDisposition } from "content-disposition";
import type { FastifyReply } from "fastify";
import { z } from "zod";
import { cleanFileName } from "./file-name.ts";

/**
 * The 200 answer of a route that sends a file, for the OpenAPI document: bytes in the file's own
 * media type, not JSON (`content` is what @fastify/swagger copies). Streams skip the serializer.
 */
export const storedFileResponse = z.string().meta({
  description: "The file, in its stored media type",
  content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
});

export interface StoredFile {
  stream: Readable;
  contentType: string;
  fileName: string;
}

/**
 * Sends a stored file: inline when the browser can show it safely (PDFs, images) unless a download
 * is asked for, never sniffed into another type, and kept out of shared caches (files are private).
 */
export function sendStoredFile(reply: FastifyReply, file: StoredFile, download: boolean) {
  const inline = !download && /^(application\/pdf|image\/)/.test(file.contentType);
  return reply
    .type(file.contentType)
    .header(
      "content-disposition",
      // Cleaned again on the way out: names stored before the cleaning rules still reach a download.
      contentDisposition(cleanFileName(file.fileName), { type: inline ? "inline" : "attachment" }),
    )
    .header("x-content-type-options", "nosniff")
    .header("cache-control", "private, max-age=300")
    .send(file.stream);
}
