import { constants } from "node:zlib";
import compress from "@fastify/compress";
import type { FastifyInstance } from "fastify";

/** Below this many bytes a response goes as it is: the headers would eat the saving. */
export const COMPRESS_THRESHOLD = 1024;

/**
 * What is compressed on the fly: JSON (problem+json included), HTML, CSS, JavaScript, SVG, iCalendar
 * and plain text. Never text/event-stream: a compressor buffers, and a live stream must flush each
 * event as it happens. Binary uploads and downloads (images, PDFs) are compressed already.
 */
export const COMPRESSIBLE =
  /^(?:application\/(?:[a-z.+-]*\+)?json|application\/(?:javascript|xml)|text\/(?:html|css|javascript|plain|calendar|xml)|image\/svg\+xml)(?:;|$)/;

/**
 * Brotli and gzip for responses above the threshold. Registered before any route, since the plugin
 * hooks the routes declared after it. Static files of the web app are precompressed at build
 * (scripts/precompress.ts) and served as they are; a response that already names its encoding is
 * left alone.
 */
export async function registerCompression(app: FastifyInstance) {
  await app.register(compress, {
    global: true,
    threshold: COMPRESS_THRESHOLD,
    encodings: ["br", "gzip"],
    customTypes: COMPRESSIBLE,
    // Brotli's default (11) spends milliseconds per response; 4 compresses JSON about as well as
    // gzip's default at a fraction of the CPU. The build compresses static files at 11.
    brotliOptions: { params: { [constants.BROTLI_PARAM_QUALITY]: 4 } },
    zlibOptions: { level: 6 },
  });
}
