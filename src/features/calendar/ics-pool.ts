import { availableParallelism } from "node:os";
import { MessageChannel } from "node:worker_threads";
import { Piscina } from "piscina";
import { offsetAt } from "../common/wall-clock.ts";
import { IcsError } from "./ics-error.ts";
import type { BusyWindow } from "./ics-read.ts";
import type { ReadOutcome, ReadTask } from "./ics-worker.ts";

// Imported calendars are read in worker threads, never on the server's event loop: the text comes
// from anyone, and ical.js can be made to work for minutes on a few hundred bytes (ics-bounds.ts
// refuses what is known; this catches the rest). Each read has a wall-clock deadline counted from
// when its thread begins it (not its wait in the queue), and each worker a heap cap; a worker
// past either is terminated (a new one starts for the next file) and the file is refused as
// ics.too_complex.
// Threads start on demand and exit when idle: a process that never imports a calendar starts none.

export interface IcsReaderOptions {
  /** How long one file may take to read; a legitimate 5 MiB export takes 4–10 s on a busy core. */
  deadlineMs?: number;
  /** Heap (old generation) of each worker; a 5 MiB export peaks near 150 MB. */
  maxHeapMb?: number;
  /** Files waiting for a thread; past this a file is refused as ics.busy (try again shortly). */
  maxQueue?: number;
  /** A thread with nothing to do exits after this long. */
  idleMs?: number;
  /** Threads at most; by default one core stays with the event loop (at most 2 threads). */
  threads?: number;
}

const DEFAULTS: Required<IcsReaderOptions> = {
  deadlineMs: 20_000,
  maxHeapMb: 384,
  maxQueue: 16,
  idleMs: 30_000,
  threads: Math.max(1, Math.min(2, availableParallelism() - 1)),
};

// From the sources the worker is a .ts file beside this one; in the bundle (dist/server) this code
// sits in main.js and the worker is the ics-worker.js entry beside it.
const WORKER = new URL(
  import.meta.url.endsWith(".ts") ? "./ics-worker.ts" : "./ics-worker.js",
  import.meta.url,
);

export function createIcsReader(options: IcsReaderOptions = {}) {
  const { deadlineMs, maxHeapMb, maxQueue, idleMs, threads } = { ...DEFAULTS, ...options };
  const start = () => {
    const made = new Piscina<ReadTask, ReadOutcome>({
      filename: WORKER.href,
      minThreads: 0,
      maxThreads: threads,
      // Below the event loop's priority (Linux): on a busy machine the reader waits, not the server.
      niceIncrement: 10,
      idleTimeout: idleMs,
      resourceLimits: { maxOldGenerationSizeMb: maxHeapMb },
    });
    // A worker that fails outside a task failed to start, and Piscina starts no more after that:
    // the files waiting for it would wait for ever. They fail (destroy), and a new pool reads the next.
    made.on("error", (error: Error) => {
      process.emitWarning(error, "IcsReaderWarning");
      if (pool !== made) return;
      pool = start();
      void made.destroy();
    });
    return made;
  };
  let pool = start();

  // Files wait here, not in Piscina's queue: with no thread kept (minThreads 0), Piscina starts a
  // thread only when a task is handed to it, so files queued behind one whose thread was ended
  // (deadline, heap) would wait for ever. Handed over one per free thread, each gets one at once.
  let reading = 0;
  const waiting: (() => void)[] = [];
  async function turn() {
    if (reading < threads) {
      reading += 1;
      return;
    }
    if (waiting.length >= maxQueue) {
      throw new IcsError("ics.busy", "too many calendars are being read; try again shortly");
    }
    await new Promise<void>((resolve) => waiting.push(resolve));
  }
  const done = () => {
    const next = waiting.shift();
    if (next) next();
    else reading -= 1;
  };

  /**
   * One file in a thread, within the heap cap and the deadline. The deadline counts from when the
   * thread begins the file (it says so over a port), so a thread's own start, about a second
   * after an idle spell, is not taken from the file's time.
   */
  async function read(text: string, window: BusyWindow): Promise<ReadOutcome> {
    const deadline = new AbortController();
    const { port1, port2 } = new MessageChannel();
    // Piscina types its transfer list from the DOM's MessagePort where the DOM lib is loaded.
    const transferList = [port2] as unknown as RunOptions["transferList"];
    let timer: NodeJS.Timeout | undefined;
    port1.once("message", () => {
      timer = setTimeout(() => deadline.abort(), deadlineMs);
      port1.close();
    });
    try {
      return await pool.run({ text, window, started: port2 }, { transferList, signal: deadline.signal });
    } catch (error) {
      if (deadline.signal.aborted) {
        throw new IcsError("ics.too_complex", `reading took longer than ${deadlineMs} ms`);
      }
      if ((error as { code?: string }).code === "ERR_WORKER_OUT_OF_MEMORY") {
        throw new IcsError("ics.too_complex", `reading needed more than ${maxHeapMb} MB`);
      }
      throw new Error("the calendar reader failed", { cause: error });
    } finally {
      clearTimeout(timer);
      port1.close();
    }
  }

  /** Busy intervals of an untrusted iCalendar text, read in a worker (see ics-read.ts for the rules). */
  async function busyFromIcs(text: string, window: BusyWindow) {
    // An unknown owner zone is the caller's mistake (a RangeError), checked here rather than as the file's.
    offsetAt(window.timeZone ?? "UTC", window.from);
    await turn();
    let outcome: ReadOutcome;
    try {
      outcome = await read(text, window);
    } finally {
      done();
    }
    if ("busy" in outcome) return outcome.busy;
    if ("reason" in outcome) throw new IcsError(outcome.reason, outcome.message);
    throw new Error(`reading a calendar failed: ${outcome.failure}`);
  }

  return {
    busyFromIcs,
    /** Threads running now (none until the first read, none again once idle). */
    threads: () => pool.threads.length,
    close: () => pool.destroy(),
  };
}

export type IcsReader = ReturnType<typeof createIcsReader>;
type RunOptions = NonNullable<Parameters<Piscina["run"]>[1]>;

let shared: IcsReader | undefined;
/** The process's reader, made on first use (a worker starts only when a calendar is read). */
export function icsReader(): IcsReader {
  shared ??= createIcsReader();
  return shared;
}
