import type { MessagePort } from "node:worker_threads";
import { type BusyWindow, busyFromIcs, IcsError, type IcsReason } from "./ics-read.ts";

// The worker thread's side of ics-pool.ts: reads one calendar per task. Piscina loads this file
// by name (scripts/build-server.ts bundles it as its own entry).

export interface ReadTask {
  text: string;
  window: BusyWindow;
  /** Told as soon as the task runs: the deadline counts the reading, not the thread's start. */
  started: MessagePort;
}
export type ReadOutcome =
  | { busy: { start: number; end: number }[] }
  | { reason: IcsReason; message: string }
  | { failure: string };

export default function readCalendar({ text, window, started }: ReadTask): ReadOutcome {
  started.postMessage(null);
  started.close();
  try {
    return { busy: busyFromIcs(text, window) };
  } catch (error) {
    if (error instanceof IcsError) return { reason: error.reason, message: error.message };
    // Anything else is a fault of ours, not of the file: the caller raises it as such.
    return { failure: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
}
