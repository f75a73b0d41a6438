import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { copyTemplate, writeTemplate } from "./template.ts";

// The files stand in for a database: what matters here is when the template is copied, not PGlite.
async function template() {
  const root = mkdtempSync(join(tmpdir(), "assista-template-"));
  const dir = join(root, "db-template");
  await writeTemplate(async (dataDir) => {
    mkdirSync(join(dataDir, "pg", "base"), { recursive: true });
    writeFileSync(join(dataDir, "pg", "PG_VERSION"), "17");
    writeFileSync(join(dataDir, "assista.lock"), "1");
  }, dir);
  return { root, dir };
}

describe("the database template", () => {
  it("is copied into a new data directory, whole, and without the builder's lock", async () => {
    const { root, dir } = await template();
    expect(existsSync(join(dir, "assista.lock"))).toBe(false);
    const pg = join(root, "data", "pg");
    mkdirSync(join(root, "data"));
    expect(copyTemplate(pg, dir)).toBe(true);
    expect(readFileSync(join(pg, "PG_VERSION"), "utf8")).toBe("17");
    expect(existsSync(join(pg, "base"))).toBe(true);
    expect(existsSync(`${pg}.partial`)).toBe(false);
  });

  it("never touches an existing database", async () => {
    const { root, dir } = await template();
    const pg = join(root, "pg");
    mkdirSync(pg);
    writeFileSync(join(pg, "PG_VERSION"), "16");
    expect(copyTemplate(pg, dir)).toBe(false);
    expect(readFileSync(join(pg, "PG_VERSION"), "utf8")).toBe("16");
  });

  it("is not used when another PGlite made it, or when there is none", async () => {
    const { root, dir } = await template();
    writeFileSync(join(dir, "pglite-version"), "0.0.1");
    expect(copyTemplate(join(root, "a"), dir)).toBe(false);
    expect(copyTemplate(join(root, "b"), join(root, "missing"))).toBe(false);
    expect(existsSync(join(root, "a"))).toBe(false);
  });
});
