import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startArguments } from "../scripts/start-command.ts";

/**
 * Starts the built app in embedded mode on a fresh data directory and waits until it is ready.
 * `cpus` (a taskset list such as "1") pins it, so that a load generator pinned elsewhere does not
 * take its time.
 */
export async function startServer(port: number, env: Record<string, string> = {}, cpus?: string) {
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), "assista-bench-"));
  const started = performance.now();
  const node = [process.execPath, ...startArguments()];
  const [command, ...args] = cpus ? ["taskset", "-c", cpus, ...node] : node;
  const child = spawn(command as string, args, {
    env: {
      ...process.env,
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: "warn",
      NODE_ENV: "development",
      ...env,
    },
    stdio: ["ignore", "inherit", "inherit"],
  });
  await waitReady(`http://127.0.0.1:${port}/api/ready`, child);
  return { child, dataDir, readyMs: performance.now() - started, stop: () => stopProcess(child) };
}

export async function waitReady(url: string, child: ChildProcess, timeoutMs = 60_000) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error(`not ready after ${timeoutMs} ms`);
}

export function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = Number(status.match(/VmRSS:\s+(\d+)/)?.[1] ?? 0);
  return kb / 1024;
}

export function stopProcess(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

/** Pins this process, all its threads, to `cpus` (a taskset list), away from a pinned server. */
export function pinThisProcess(cpus: string) {
  execFileSync("taskset", ["-a", "-cp", cpus, String(process.pid)], { stdio: "ignore" });
}
