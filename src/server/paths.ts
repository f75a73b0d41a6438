import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * The project's root folder (the one holding `migrations/`), found by walking up from this file,
 * so the same code works from `src/` and from the bundled `dist/server/main.js`.
 */
function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, "migrations", "meta"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error("Cannot find the project root (a folder with migrations/)");
    dir = parent;
  }
  return dir;
}

export const PROJECT_ROOT = findRoot();
export const MIGRATIONS_DIR = join(PROJECT_ROOT, "migrations");
export const COMMON_PASSWORDS_FILE = join(PROJECT_ROOT, "src/server/auth/common-passwords.txt");
