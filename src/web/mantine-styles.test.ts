import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { browserRoots, files } from "../../scripts/check-imports.ts";

// mantine-styles.ts imports the style sheets of the Mantine components the app uses instead of
// all of @mantine/core's (a third of the first load's CSS). These checks keep that list exact: a
// component used without its sheet would render unstyled, an unused sheet would only cost bytes.

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
/** A package's ES modules (its main entry is the CommonJS build beside them). */
const esmOf = (pkg: string) => join(dirname(require.resolve(pkg)), "..", "esm");
const esm = esmOf("@mantine/core");

/** The browser sources: src/web and every feature's ui/ folder. */
const browserSources = () => browserRoots().flatMap((root) => [...files(root)]);

const NAMED_IMPORT = /import\s*(?:type\s*)?\{([^}]*)\}\s*from\s*["']@mantine\/core["']/g;

/** The names a source imports from @mantine/core (types included: they cost nothing to walk). */
function coreNames(source: string): string[] {
  return [...source.matchAll(NAMED_IMPORT)].flatMap((m) =>
    (m[1] as string)
      .split(",")
      .map(
        (name) =>
          name
            .replace(/^\s*type\s+/, "")
            .trim()
            .split(/\s+as\s+/)[0] as string,
      )
      .filter(Boolean),
  );
}

/** Where @mantine/core's index takes each export from. */
function exportFiles(): Map<string, string> {
  const index = readFileSync(join(esm, "index.mjs"), "utf8");
  const files = new Map<string, string>();
  for (const m of index.matchAll(/import\s*\{([^}]*)\}\s*from\s*"(\.[^"]+)"/g)) {
    for (const name of (m[1] as string).split(",")) {
      const local = name.trim().split(/\s+as\s+/);
      files.set((local[1] ?? local[0]) as string, resolve(esm, m[2] as string));
    }
  }
  return files;
}

/** The components whose styles a module needs: every X.module.mjs it reaches by relative imports. */
function stylesReached(start: string[], into = new Set<string>(), seen = new Set<string>()): Set<string> {
  const queue = [...start];
  while (queue.length) {
    const file = queue.pop() as string;
    if (seen.has(file)) continue;
    seen.add(file);
    const style = /([A-Za-z]+)\.module\.mjs$/.exec(file);
    if (style) into.add(style[1] as string);
    for (const m of readFileSync(file, "utf8").matchAll(/from\s*"(\.[^"]+)"/g)) {
      queue.push(resolve(dirname(file), m[1] as string));
    }
  }
  return into;
}

function requiredSheets(): Set<string> {
  const files = exportFiles();
  const names = new Set(browserSources().flatMap((file) => coreNames(readFileSync(file, "utf8"))));
  // The toasts render @mantine/core's Notification, so its parts need their sheets too.
  const notifications = esmOf("@mantine/notifications");
  for (const file of readdirSync(notifications, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".mjs"))
    .map((f) => join(notifications, f))) {
    for (const name of coreNames(readFileSync(file, "utf8"))) names.add(name);
  }
  const starts = [...names].flatMap((name) => {
    const file = files.get(name);
    return file ? [file] : [];
  });
  return stylesReached(starts);
}

/** The component sheets the browser sources import, in the order they do. */
function importedSheets(): string[] {
  return browserSources().flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/import\s+["']@mantine\/core\/styles\/([A-Z]\w+)\.css["']/g)].map(
      (m) => m[1] as string,
    ),
  );
}

describe("Mantine style sheets", () => {
  it("imports the sheet of every component the app reaches, and no other", () => {
    const required = requiredSheets();
    // Guards the walk itself: a broken pattern would find nothing and pass.
    expect(required.has("Button")).toBe(true);
    const imported = importedSheets();
    expect([...required].filter((name) => !imported.includes(name)).sort()).toEqual([]);
    expect(imported.filter((name) => !required.has(name)).sort()).toEqual([]);
  });

  it("lists the sheets in the order @mantine/core's styles.css has them", () => {
    const all = readFileSync(join(esm, "..", "styles.css"), "utf8");
    const listed = [
      ...readFileSync(join(here, "mantine-styles.ts"), "utf8").matchAll(
        /@mantine\/core\/styles\/([\w-]+)\.css/g,
      ),
    ].map((m) => m[1] as string);
    const at = listed.map((name) =>
      all.indexOf(readFileSync(join(esm, "..", "styles", `${name}.css`), "utf8")),
    );
    expect(at.every((position) => position >= 0)).toBe(true);
    expect(at).toEqual([...at].sort((a, b) => a - b));
  });
});
