import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { lockDataDir } from "./lock.ts";
import { type PgliteClient, startPgliteThread } from "./pglite-threaded.ts";
import * as schema from "./schema.ts";
import { copyTemplate } from "./template.ts";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction or the database itself: services accept either so callers can compose writes. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;

export type Database =
  | { kind: "pglite"; db: Db; pglite: PgliteClient; close(): Promise<void> }
  | { kind: "pg"; db: Db; pool: pg.Pool; close(): Promise<void> };

// timestamptz and bigint come back as strings by default in node-postgres; Drizzle maps them.
export function connectPostgres(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max });
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return { kind: "pg", db, pool, close: () => pool.end() };
}

// PostgreSQL's default 128 MB of shared buffers is most of the embedded server's memory; a
// single-process laptop database is well served by far less. Given at every start (a setting
// stored with ALTER SYSTEM took effect only at the next, so a new data directory opened twice).
export const EMBEDDED_START_PARAMS = [...PGlite.defaultStartParams, "-c", "shared_buffers=16MB"];

/** The embedded database of `npm start`, on disk, in its own thread (decision 0024). */
export async function openPglite(dataDir: string): Promise<Database> {
  const unlock = lockDataDir(dataDir);
  try {
    copyTemplate(`${dataDir}/pg`);
    return wrapPglite(await startPgliteThread(`${dataDir}/pg`, EMBEDDED_START_PARAMS), unlock);
  } catch (error) {
    unlock();
    throw error;
  }
}

/** An in-memory PGlite, optionally started from a dumped data directory (the tests' template). */
export async function memoryPglite(
  template?: Blob | File,
): Promise<Extract<Database, { kind: "pglite" }> & { pglite: PGlite }> {
  // No extensions: loading one into PGlite slows every process.nextTick of the app (decision 0010).
  const pglite = await PGlite.create(template ? { loadDataDir: template } : {});
  return wrapPglite(pglite, () => {});
}

function wrapPglite<P extends PgliteClient>(pglite: P, unlock: () => void) {
  // Drizzle's driver uses only query and transaction, which the thread's client offers too.
  const db = drizzlePglite({ client: pglite as unknown as PGlite, schema }) as unknown as Db;
  return {
    kind: "pglite" as const,
    db,
    pglite,
    async close() {
      await pglite.close();
      unlock();
    },
  };
}
