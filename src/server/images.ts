import type sharpType from "sharp";

let loaded: Promise<typeof sharpType> | undefined;

/**
 * sharp (libvips), loaded on the first image to process: a server that never receives an image
 * does not carry the native library and its thread pool in memory.
 */
export function imageTools(): Promise<typeof sharpType> {
  loaded ??= import("sharp").then((m) => {
    // libvips keeps up to 50 MB of recent images and operations for reuse; each upload here is
    // resized once (a thumbnail), so the cache held memory and never saved work.
    m.default.cache(false);
    return m.default;
  });
  return loaded;
}
