import { spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { lockDataDir } from "./lock.ts";

const lockModule = fileURLToPath(new URL("./lock.ts", import.meta.url));
const tryLockInAnotherProcess = (dir: string) =>
  spawnSync(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `import { lockDataDir } from ${JSON.stringify(lockModule)}; lockDataDir(${JSON.stringify(dir)}); console.log("locked");`,
    ],
    {
      encoding: "utf8",
    },
  );

describe("one process per PGlite data directory", () => {
  it("refuses a second process with a clear message while the first holds the directory", () => {
    const dir = mkdtempSync(join(tmpdir(), "assista-lock-"));
    const unlock = lockDataDir(dir);
    try {
      const second = tryLockInAnotherProcess(dir);
      expect(second.status).not.toBe(0);
      expect(second.stderr).toContain(`is in use by another Assista process (pid ${process.pid})`);
    } finally {
      unlock();
    }
    expect(tryLockInAnotherProcess(dir).stdout).toContain("locked");
  });
});

describe("start-up configuration errors", () => {
  it("lists every bad variable and exits without starting", () => {
    const main = fileURLToPath(new URL("../main.ts", import.meta.url));
    const run = spawnSync(process.execPath, [main], {
      encoding: "utf8",
      env: { ...process.env, PORT: "not-a-port", LOG_LEVEL: "chatty", DATABASE_URL: "" },
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain("Invalid configuration");
    expect(run.stderr).toContain("PORT");
    expect(run.stderr).toContain("LOG_LEVEL");
  });
});
