import { Worker } from "node:worker_threads";
import type { PGlite, QueryOptions, Results } from "@electric-sql/pglite";
import { type ErrorFields, errorFrom, type Reply, type Request } from "./pglite-protocol.ts";

/** The part of PGlite the app, Drizzle and pg-boss use: what both the thread and PGlite offer. */
export type PgliteClient = Pick<PGlite, "query" | "exec" | "transaction" | "close">;

// From the sources the thread's entry is a .ts file beside this one; in the bundle (dist/server)
// this code sits in main.js and the entry is pglite-thread.js beside it (scripts/build-server.ts).
const ENTRY = new URL(
  import.meta.url.endsWith(".ts") ? "./pglite-thread.ts" : "./pglite-thread.js",
  import.meta.url,
);

type Pending = { resolve: (value: unknown) => void; reject: (error: Error) => void };

/**
 * Drizzle's PGlite driver asks for some types unparsed (it parses dates itself) by handing
 * functions that return the text as is. Functions cannot cross to the thread, so the thread is
 * told which types those are; any other parser is refused rather than silently dropped.
 */
function rawTypes(parsers: QueryOptions["parsers"]): number[] | undefined {
  if (!parsers) return undefined;
  return Object.entries(parsers).map(([oid, parse]) => {
    if (parse("x", Number(oid)) !== "x")
      throw new Error(`type ${oid}: only pass-through parsers reach the database thread`);
    return Number(oid);
  });
}

/**
 * PGlite in a worker thread (decision 0024), with PGlite's own interface: queries, exec and
 * transactions are sent to the thread and their answers awaited, so the app's event loop keeps
 * serving while a query runs.
 */
export async function startPgliteThread(dataDir: string, startParams: string[]): Promise<PgliteClient> {
  const worker = new Worker(ENTRY, { workerData: { dataDir, startParams } });
  const pending = new Map<number, Pending>();
  let next = 1;
  let failure: Error | undefined;

  const fail = (error: Error) => {
    failure ??= error;
    for (const p of pending.values()) p.reject(failure);
    pending.clear();
  };
  worker.on("error", fail);
  worker.on("exit", (code) => fail(new Error(`the database thread stopped (exit code ${code})`)));

  await new Promise<void>((resolve, reject) => {
    worker.once("message", (message: { ready: true } | { ready: false; error: ErrorFields }) => {
      if (message.ready) resolve();
      else reject(errorFrom(message.error));
    });
    worker.once("error", reject);
  });
  worker.on("message", (reply: Reply) => {
    const waiting = pending.get(reply.id);
    if (!waiting) return;
    pending.delete(reply.id);
    if (reply.ok) waiting.resolve(reply.value);
    else waiting.reject(errorFrom(reply.error));
  });

  // Requests carry no id yet; `send` numbers them.
  type Outgoing = Request extends infer R ? (R extends Request ? Omit<R, "id"> : never) : never;
  function send<T>(request: Outgoing): Promise<T> {
    if (failure) return Promise.reject(failure);
    const id = next++;
    return new Promise<T>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      worker.postMessage({ ...request, id });
    });
  }

  function queryIn(tx: number | undefined) {
    return <T>(text: string, params?: unknown[], options?: QueryOptions) => {
      const raw = rawTypes(options?.parsers);
      return send<Results<T>>({
        op: "query",
        text,
        ...(tx !== undefined ? { tx } : {}),
        ...(params ? { params } : {}),
        ...(options?.rowMode ? { rowMode: options.rowMode } : {}),
        ...(raw ? { raw } : {}),
      });
    };
  }
  const execIn = (tx: number | undefined) => (text: string) =>
    send<Results[]>({ op: "exec", text, ...(tx !== undefined ? { tx } : {}) });

  const client = {
    query: queryIn(undefined),
    exec: execIn(undefined),
    async transaction<T>(callback: (tx: never) => Promise<T>): Promise<T> {
      const tx = await send<number>({ op: "begin" });
      let ended = false;
      const end = (commit: boolean) => {
        ended = true;
        return send<void>({ op: "end", tx, commit });
      };
      const handle = {
        query: queryIn(tx),
        exec: execIn(tx),
        rollback: () => end(false),
        get closed() {
          return ended;
        },
      };
      try {
        const result = await callback(handle as never);
        if (!ended) await end(true);
        return result;
      } catch (error) {
        if (!ended) await end(false).catch(() => {});
        throw error;
      }
    },
    async close() {
      if (!failure) await send<void>({ op: "close" });
      await worker.terminate();
    },
  };
  return client as unknown as PgliteClient;
}
