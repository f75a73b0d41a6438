// What every load bench shares, so that each one checks itself: the server and the load generator
// on different cores, alternating rounds against a bare node:http baseline, the per-round ratios
// with their spread (a run whose spread is wild is refused, exit 2), and `measured / target` lines
// that set exit code 1 on any miss.
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import autocannon from "autocannon";
import { stopProcess, waitReady } from "./server-process.ts";

/** The machine has two cores: the server gets core 1, the load generator core 0. */
export const SERVER_CPUS = "1";
export const LOAD_CPUS = "0";
/** Widest spread of per-round ratios ((max − min) / median) a run may have and still count. */
export const MAX_SPREAD = 0.25;
/** Fewer rounds than this show no spread at all. */
export const MIN_ROUNDS = 3;

function hasTaskset(): boolean {
  try {
    execFileSync("taskset", ["-p", String(process.pid)], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/**
 * The taskset list to start the server on (undefined without taskset), after pinning this process
 * (the load generator) to its own core. Without taskset both share every core, with a warning.
 */
export function pinLoadGenerator(): string | undefined {
  if (!hasTaskset()) {
    console.warn("warning: taskset is missing; server and load generator share the cores (figures run low)");
    return undefined;
  }
  execFileSync("taskset", ["-a", "-cp", LOAD_CPUS, String(process.pid)], { stdio: "ignore" });
  return SERVER_CPUS;
}

/** A bare node:http server answering a small JSON body: the ceiling this machine allows. */
export async function startBaseline(
  port: number,
  cpus: string | undefined,
): Promise<{ url: string; stop(): Promise<void> }> {
  const script = `require("node:http").createServer((q, s) => { s.writeHead(200, { "content-type": "application/json" }); s.end('{"status":"ok"}'); }).listen(${port}, "127.0.0.1")`;
  const node = [process.execPath, "-e", script];
  const [command, ...args] = cpus ? ["taskset", "-c", cpus, ...node] : node;
  const child: ChildProcess = spawn(command as string, args, { stdio: "inherit" });
  const url = `http://127.0.0.1:${port}/`;
  await waitReady(url, child);
  return { url, stop: () => stopProcess(child) };
}

export interface Target {
  name: string;
  url: string;
  headers?: Record<string, string>;
}

export interface Turn {
  rps: number;
  p99: number;
  errors: number;
}

/** Closed-loop load (autocannon, no pipelining) on one URL for `seconds`. */
export async function load(target: Target, seconds: number, connections = 50): Promise<Turn> {
  const r = await autocannon({
    url: target.url,
    connections,
    duration: seconds,
    pipelining: 1,
    ...(target.headers ? { headers: target.headers } : {}),
  });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

/**
 * Loads every target in turn, round after round (a drift of the machine's speed falls on all
 * alike), after one short warm-up turn each: the turns per target, in round order.
 */
export async function alternatingRounds(
  targets: Target[],
  rounds: number,
  seconds: number,
  connections = 50,
) {
  for (const target of targets) await load(target, Math.min(2, seconds), connections);
  const turns = new Map<string, Turn[]>(targets.map((t) => [t.name, []]));
  for (let round = 0; round < rounds; round++)
    for (const target of targets) turns.get(target.name)?.push(await load(target, seconds, connections));
  return turns;
}

export interface Ratio {
  median: number;
  spread: number;
  perRound: number[];
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
};

/** Per-round ratios of `measured` to `reference` turns, their median and spread. */
export function ratioOf(measured: Turn[], reference: Turn[]): Ratio {
  const perRound = measured.map((turn, i) => turn.rps / (reference[i]?.rps || Number.NaN));
  const m = median(perRound);
  return { median: m, spread: (Math.max(...perRound) - Math.min(...perRound)) / m, perRound };
}

/** Collects checks; `finish` sets the exit code: 2 when a run was refused, 1 on a miss, else 0. */
export function createVerdict() {
  let missed = 0;
  let refused = 0;
  return {
    /** Prints `name: measured / target` and counts a miss. */
    check(name: string, measured: number, target: number, how: "atLeast" | "atMost", unit = "", digits = 2) {
      const ok = how === "atLeast" ? measured >= target : measured <= target;
      if (!ok) missed += 1;
      const sign = how === "atLeast" ? "≥" : "≤";
      console.log(
        `${name.padEnd(34)} ${measured.toFixed(digits)}${unit} / ${sign} ${target.toFixed(digits)}${unit}  ${ok ? "ok" : "MISS"}`,
      );
      return ok;
    },
    /** Checks a ratio's median against its target, unless its rounds disagree too much to tell. */
    checkRatio(name: string, ratio: Ratio, target: number) {
      const rounds = ratio.perRound.map((r) => r.toFixed(3)).join(", ");
      if (ratio.perRound.length < MIN_ROUNDS) {
        refused += 1;
        console.log(
          `${name.padEnd(34)} REFUSED: ${ratio.perRound.length} round(s); a spread needs ≥ ${MIN_ROUNDS}`,
        );
        return false;
      }
      if (!(ratio.spread <= MAX_SPREAD)) {
        refused += 1;
        console.log(
          `${name.padEnd(34)} REFUSED: per-round ratios ${rounds} spread ${(ratio.spread * 100).toFixed(0)} % (> ${MAX_SPREAD * 100} %); the machine was not steady, run again`,
        );
        return false;
      }
      const ok = this.check(name, ratio.median, target, "atLeast", " ×", 3);
      console.log(`${"".padEnd(34)} (rounds ${rounds}; spread ${(ratio.spread * 100).toFixed(0)} %)`);
      return ok;
    },
    finish() {
      process.exitCode = refused ? 2 : missed ? 1 : 0;
      if (refused) console.log(`${refused} figure(s) refused for a wild spread: exit 2`);
      else if (missed) console.log(`${missed} figure(s) missed their target: exit 1`);
      else console.log("every figure met its target");
    },
  };
}

/** "load average: 1.02, 0.98, 0.91", for the report beside the figures. */
export function loadAverage(): string {
  try {
    return execFileSync("uptime", { encoding: "utf8" })
      .trim()
      .replace(/^.*load average/, "load average");
  } catch {
    return "load average unknown";
  }
}
