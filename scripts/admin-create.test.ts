import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

// Runs the real script against its own embedded data directory.
const run = (dataDir: string, ...args: string[]) =>
  spawnSync(process.execPath, ["scripts/admin-create.ts", ...args], {
    encoding: "utf8",
    env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: "", SEED_DEMO: "false", LOG_LEVEL: "warn" },
  });

describe("npm run admin:create", () => {
  it("creates an admin, grants admin to an existing account, and refuses bad input", () => {
    const dataDir = mkdtempSync(join(tmpdir(), "assista-admin-"));
    const created = run(
      dataDir,
      "--email",
      "Ada@Example.com",
      "--name",
      "Ada",
      "--password",
      "a-long-admin-password",
    );
    expect(created.status, created.stderr).toBe(0);
    expect(created.stdout).toContain("Admin ada@example.com created.");
    const again = run(dataDir, "--email", "ada@example.com");
    expect(again.stdout).toContain("ada@example.com is now an admin.");
    const bad = run(dataDir, "--email", "not-an-email");
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain("Usage");
  }, 240_000);
});
