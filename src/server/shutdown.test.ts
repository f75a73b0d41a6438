import { spawn } from "node:child_process";
import { existsSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, onTestFinished } from "vitest";

const main = fileURLToPath(new URL("./main.ts", import.meta.url));

describe("graceful shutdown", () => {
  it("on SIGTERM stops accepting, closes the database and releases the data directory", async () => {
    const dataDir = mkdtempSync(join(tmpdir(), "assista-shutdown-"));
    const port = 3400 + Math.floor(Math.random() * 500);
    const child = spawn(process.execPath, [main], {
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        SEED_DEMO: "false",
        LOG_LEVEL: "warn",
        DATABASE_URL: "",
      },
      stdio: "inherit",
    });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    // Whatever happens below, the server must not outlive the test (it would keep the worker alive).
    onTestFinished(() => {
      if (child.exitCode === null) child.kill("SIGKILL");
    });
    // A first start creates the embedded database; on a busy two-core machine that takes a while.
    const deadline = Date.now() + 150_000;
    for (;;) {
      const ok = await fetch(`http://127.0.0.1:${port}/api/ready`).then(
        (r) => r.ok,
        () => false,
      );
      if (ok) break;
      if (Date.now() > deadline) throw new Error("server did not become ready");
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(existsSync(join(dataDir, "assista.lock"))).toBe(true);
    child.kill("SIGTERM");
    expect(await exited).toBe(0);
    expect(existsSync(join(dataDir, "assista.lock"))).toBe(false);
    await expect(fetch(`http://127.0.0.1:${port}/api/health`)).rejects.toThrow();
  }, 180_000);
});
