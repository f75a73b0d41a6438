// First-load JavaScript of the landing page, gzip (target ≤ 200 KB): the entry script and every
// module it preloads, as listed in the built index.html. Run `npm run build` first.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

const dist = "dist/web";
const html = readFileSync(join(dist, "index.html"), "utf8");
const urls = [
  ...html.matchAll(/<script[^>]+src="([^"]+\.js)"/g),
  ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g),
].map((m) => m[1] as string);
let raw = 0;
let gz = 0;
for (const url of new Set(urls)) {
  const bytes = readFileSync(join(dist, url));
  raw += bytes.length;
  gz += gzipSync(bytes, { level: 9 }).length;
  console.log(
    `${url}  ${(bytes.length / 1024).toFixed(1)} KB, gzip ${(gzipSync(bytes, { level: 9 }).length / 1024).toFixed(1)} KB`,
  );
}
console.log(
  `landing first-load JS: ${(raw / 1024).toFixed(1)} KB raw, ${(gz / 1024).toFixed(1)} KB gzip (target ≤ 200 KB)`,
);
