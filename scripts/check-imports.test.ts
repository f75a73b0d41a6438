import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { violations } from "./check-imports.ts";

function tree(files: Record<string, string>) {
  const base = mkdtempSync(join(tmpdir(), "assista-imports-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(base, path, ".."), { recursive: true });
    writeFileSync(join(base, path), text);
  }
  mkdirSync(join(base, "src/features"), { recursive: true });
  return base;
}

describe("the browser/server import boundary", () => {
  it("allows web code, packages and schema.ts contracts", () => {
    const base = tree({
      "src/web/main.tsx":
        'import React from "react";\nimport { x } from "./router.tsx";\nimport { s } from "../features/jobs/schema.ts";',
      "src/features/jobs/ui/page.tsx":
        'import { s } from "../schema.ts";\nimport { y } from "../../../web/api.ts";',
      "src/web/live.ts": 'import { e } from "../features/common/live-schema.ts";',
    });
    expect(violations(base)).toEqual([]);
  });

  it("fails when browser code imports server code or a feature's service", () => {
    const base = tree({
      "src/web/bad.ts": 'import { buildApp } from "../server/app.ts";',
      "src/features/jobs/ui/bad.tsx": 'const m = import("../service.ts");',
      "src/web/near.ts": 'import { t } from "../features/jobs/schema-tables.ts";',
    });
    expect(violations(base).sort()).toEqual([
      "src/features/jobs/ui/bad.tsx imports ../service.ts",
      "src/web/bad.ts imports ../server/app.ts",
      "src/web/near.ts imports ../features/jobs/schema-tables.ts",
    ]);
  });
});
