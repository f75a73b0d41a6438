// The embedded database's own thread (decision 0024): PGlite executes every query synchronously
// in WebAssembly, so on the app's event loop one slow query stalled every request and socket. Here
// it stalls only this thread; the app waits for the answer like for any database.
import { parentPort, workerData } from "node:worker_threads";
import { PGlite, type Transaction } from "@electric-sql/pglite";
import { errorFields, type Reply, type Request } from "./pglite-protocol.ts";

const { dataDir, startParams } = workerData as { dataDir: string; startParams: string[] };
const port = parentPort;
if (!port) throw new Error("pglite-thread.ts runs as a worker thread");

/** PGlite's start parameters carry the settings (client.ts), so a new data directory opens once. */
const open = () => PGlite.create({ dataDir, startParams });

/** Open transactions by number: the handle, how to end it (commit: its callback returns), its outcome. */
const transactions = new Map<
  number,
  { tx: Transaction; end: (commit: boolean) => void; finished: Promise<void> }
>();
/** Thrown inside PGlite's transaction callback to have it roll back. */
const ROLL_BACK = new Error("rolled back");
let nextTx = 1;

/** Drizzle asks for some types as the text PostgreSQL sent (its own date parsing); `raw` lists them. */
function parsersFor(raw: number[] | undefined) {
  return raw?.length ? Object.fromEntries(raw.map((oid) => [oid, (value: string) => value])) : undefined;
}

async function handle(pglite: PGlite, request: Request): Promise<unknown> {
  switch (request.op) {
    case "query": {
      const target = request.tx === undefined ? pglite : transactions.get(request.tx)?.tx;
      if (!target) throw new Error("the transaction has ended");
      const parsers = parsersFor(request.raw);
      return target.query(request.text, request.params, {
        ...(request.rowMode ? { rowMode: request.rowMode } : {}),
        ...(parsers ? { parsers } : {}),
      });
    }
    case "exec": {
      const target = request.tx === undefined ? pglite : transactions.get(request.tx)?.tx;
      if (!target) throw new Error("the transaction has ended");
      return target.exec(request.text);
    }
    case "begin": {
      const id = nextTx++;
      // PGlite's own transaction holds its connection until the callback returns, so statements
      // from outside the transaction wait, exactly as with PGlite in the app's thread.
      return new Promise<number>((began, failed) => {
        const finished: Promise<void> = pglite.transaction(
          (tx) =>
            new Promise<void>((commit, rollBack) => {
              transactions.set(id, { tx, finished, end: (ok) => (ok ? commit() : rollBack(ROLL_BACK)) });
              began(id);
            }),
        );
        // Rejects `began` only when BEGIN itself failed; later outcomes are the "end" request's.
        finished.catch(failed);
      });
    }
    case "end": {
      const open = transactions.get(request.tx);
      if (!open) throw new Error("the transaction has ended");
      transactions.delete(request.tx);
      open.end(request.commit);
      try {
        await open.finished;
      } catch (error) {
        if (error !== ROLL_BACK) throw error;
      }
      return undefined;
    }
    case "close":
      await pglite.close();
      return undefined;
  }
}

try {
  const pglite = await open();
  port.on("message", (request: Request) => {
    handle(pglite, request).then(
      (value) => port.postMessage({ id: request.id, ok: true, value } satisfies Reply),
      (error) => port.postMessage({ id: request.id, ok: false, error: errorFields(error) } satisfies Reply),
    );
  });
  port.postMessage({ ready: true });
} catch (error) {
  port.postMessage({ ready: false, error: errorFields(error) });
}
