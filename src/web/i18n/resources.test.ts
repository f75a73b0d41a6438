import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { LOCALES } from "../../features/accounts/schema.ts";
import de from "./de.json" with { type: "json" };
import en from "./en.json" with { type: "json" };

const here = fileURLToPath(new URL(".", import.meta.url));
const src = join(here, "..", "..");
const bundles: Record<string, unknown> = { de, en };

/** Every leaf key as a dotted path ("settings.profile.title"). */
function leafKeys(value: unknown, prefix = ""): string[] {
  if (typeof value !== "object" || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, child]) => leafKeys(child, prefix ? `${prefix}.${key}` : key));
}

function leafValue(bundle: unknown, key: string): unknown {
  return key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], bundle);
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The browser sources: src/web and every feature's ui/ folder. */
function browserSources(): string[] {
  const features = join(src, "features");
  const uiDirs = readdirSync(features)
    .map((name) => join(features, name, "ui"))
    .filter((dir) => existsSync(dir));
  return [join(src, "web"), ...uiDirs].flatMap(sourceFiles);
}

// t("key") and t('key') with a literal key; keys built at run time (t(`errors.field.${code}`)) are not seen.
const T_CALL = /\bt\(\s*(["'])([^"'\n]+)\1/g;

function usedKeys(): Map<string, string> {
  const used = new Map<string, string>();
  for (const file of browserSources()) {
    for (const match of readFileSync(file, "utf8").matchAll(T_CALL)) {
      used.set(match[2] as string, relative(src, file));
    }
  }
  return used;
}

describe("translation resources", () => {
  it("has one bundle per supported locale", () => {
    const files = readdirSync(here).filter((name) => name.endsWith(".json"));
    expect(files.map((name) => name.replace(/\.json$/, "")).sort()).toEqual([...LOCALES].sort());
  });

  it.each(
    Object.keys(bundles).flatMap((a) =>
      Object.keys(bundles)
        .filter((b) => b !== a)
        .map((b) => [a, b]),
    ),
  )("every key in %s is also in %s", (from, to) => {
    const target = new Set(leafKeys(bundles[to]));
    expect(leafKeys(bundles[from]).filter((key) => !target.has(key))).toEqual([]);
  });

  it("has no empty translations", () => {
    for (const [locale, bundle] of Object.entries(bundles)) {
      const empty = leafKeys(bundle).filter((key) => {
        const value = leafValue(bundle, key);
        return typeof value !== "string" || value.trim() === "";
      });
      expect(empty, locale).toEqual([]);
    }
  });

  it("has every key the sources use with t()", () => {
    const used = usedKeys();
    // Guards the scan itself: a broken pattern would find nothing and pass.
    expect(used.size).toBeGreaterThan(50);
    for (const [locale, bundle] of Object.entries(bundles)) {
      const missing = [...used].filter(([key]) => typeof leafValue(bundle, key) !== "string");
      expect(
        missing.map(([key, file]) => `${key} (${file})`),
        locale,
      ).toEqual([]);
    }
  });
});
