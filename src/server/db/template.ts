import { cpSync, existsSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { PROJECT_ROOT } from "../paths.ts";

/**
 * A new embedded database made once by the build (`npm run build`, which `npm start` runs first):
 * created and migrated, empty. A first start copies it into the new data directory instead of
 * creating the database itself: PGlite's initdb and the first migrations were most of a first
 * start's seconds (and their memory stayed with the process). Later migrations still run at start
 * as always, so a template a few migrations behind is only a little slower, never wrong.
 */
export const TEMPLATE_DIR = join(PROJECT_ROOT, "dist", "db-template");
const STAMP = "pglite-version";

/** The installed PGlite's version: a template made by another one is not used (its files differ). */
export function pgliteVersion(): string {
  const wasm = createRequire(import.meta.url).resolve("@electric-sql/pglite/pglite.wasm");
  const pkg = JSON.parse(readFileSync(join(dirname(wasm), "..", "package.json"), "utf8"));
  return String(pkg.version);
}

/**
 * Copies the template to `pgDir` when there is no database there yet and the template fits the
 * installed PGlite; answers whether it did. The copy lands under a temporary name and is renamed,
 * so a start interrupted halfway leaves no half database behind.
 */
export function copyTemplate(pgDir: string, templateDir = TEMPLATE_DIR): boolean {
  const stamp = join(templateDir, STAMP);
  if (existsSync(pgDir) || !existsSync(stamp)) return false;
  if (readFileSync(stamp, "utf8") !== pgliteVersion()) return false;
  const partial = `${pgDir}.partial`;
  rmSync(partial, { recursive: true, force: true });
  cpSync(join(templateDir, "pg"), partial, { recursive: true });
  renameSync(partial, pgDir);
  return true;
}

/**
 * Replaces the template with the database `make` creates and migrates in a scratch data
 * directory (as `openPglite` lays one out: the database in `pg/`).
 */
export async function writeTemplate(
  make: (dataDir: string) => Promise<void>,
  templateDir = TEMPLATE_DIR,
): Promise<void> {
  const scratch = `${templateDir}.partial`;
  rmSync(scratch, { recursive: true, force: true });
  await make(scratch);
  rmSync(join(scratch, "assista.lock"), { force: true });
  writeFileSync(join(scratch, STAMP), pgliteVersion());
  rmSync(templateDir, { recursive: true, force: true });
  renameSync(scratch, templateDir);
}
