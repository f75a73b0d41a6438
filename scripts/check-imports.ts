// Part of `npm run lint`: browser code (src/web, src/features/*/ui) may import only web code,
// packages, and the shared `schema.ts` contracts — never server code.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";

const root = resolve(import.meta.dirname, "..");
export const IMPORT = /(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\(\s*["']([^"']+)["']\s*\)/g;

export function* files(dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* files(path);
    else if (/\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name)) yield path;
  }
}

export function browserRoots(base = root): string[] {
  const features = join(base, "src/features");
  const uiDirs = readdirSync(features)
    .map((f) => join(features, f, "ui"))
    .filter((d) => statSync(d, { throwIfNoEntry: false })?.isDirectory());
  return [join(base, "src/web"), ...uiDirs];
}

export function isAllowed(fromFile: string, specifier: string, base = root): boolean {
  if (!specifier.startsWith(".")) return true;
  const target = relative(base, resolve(dirname(fromFile), specifier));
  if (target.startsWith("src/web/")) return true;
  if (/^src\/features\/[^/]+\/ui\//.test(target)) return true;
  // Contracts are named schema.ts (or *-schema.ts): zod and types only, safe in the browser.
  return /^src\/features\/[^/]+\/([a-z-]+-)?schema(\.ts)?$/.test(target);
}

export function violations(base = root): string[] {
  const found: string[] = [];
  for (const dir of browserRoots(base)) {
    for (const file of files(dir)) {
      for (const m of readFileSync(file, "utf8").matchAll(IMPORT)) {
        const spec = m[1] ?? m[2] ?? "";
        if (!isAllowed(file, spec, base)) found.push(`${relative(base, file)} imports ${spec}`);
      }
    }
  }
  return found;
}

if (import.meta.main) {
  const found = violations();
  if (found.length) {
    console.error(`Browser code must not import server code:\n${found.map((f) => `  ${f}`).join("\n")}`);
    process.exit(1);
  }
}
