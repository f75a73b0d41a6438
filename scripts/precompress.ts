// Part of `npm run build` (a Vite plugin in vite.config.ts): writes name.br and name.gz beside each
// compressible file of the built web app, at the best ratios, so the server (@fastify/static's
// preCompressed) sends them without compressing anything per request.
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";

const COMPRESSIBLE_FILE = /\.(?:js|mjs|css|html|svg|json|txt|xml|webmanifest|ico)$/;
/** Smaller files go as they are (as the server's on-the-fly threshold). */
const MIN_BYTES = 1024;

function* walk(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* walk(path);
    else yield path;
  }
}

/** Compresses every compressible file under `dir`; returns the files it wrote companions for. */
export function precompressDir(dir: string): string[] {
  const done: string[] = [];
  for (const path of walk(dir)) {
    if (!COMPRESSIBLE_FILE.test(path)) continue;
    const body = readFileSync(path);
    if (body.length < MIN_BYTES) continue;
    writeFileSync(
      `${path}.br`,
      brotliCompressSync(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      }),
    );
    writeFileSync(`${path}.gz`, gzipSync(body, { level: constants.Z_BEST_COMPRESSION }));
    done.push(path);
  }
  return done;
}
