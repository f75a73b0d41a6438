import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePg } from "drizzle-orm/node-postgres";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import pg from "pg";
import { lockDataDir } from "./lock.ts";
import * as schema from "./schema.ts";

export type Schema = typeof schema;
export type Db = PgDatabase<PgQueryResultHKT, Schema>;
/** A transaction or the database itself: services accept either so callers can compose writes. */
export type Tx = Parameters<Parameters<Db["transaction"]>[0]>[0] | Db;

export type Database =
  | { kind: "pglite"; db: Db; pglite: PGlite; close(): Promise<void> }
  | { kind: "pg"; db: Db; pool: pg.Pool; close(): Promise<void> };

// timestamptz and bigint come back as strings by default in node-postgres; Drizzle maps them.
export function connectPostgres(url: string, max = 10): Database {
  const pool = new pg.Pool({ connectionString: url, max });
  const db = drizzlePg({ client: pool, schema }) as unknown as Db;
  return { kind: "pg", db, pool, close: () => pool.end() };
}

// PostgreSQL's default 128 MB of shared buffers is most of the embedded server's memory; a
// single-process laptop database is well served by far less.
const EMBEDDED_SHARED_BUFFERS = "16MB";

export async function openPglite(dataDir: string): Promise<Database> {
  const unlock = lockDataDir(dataDir);
  try {
    let pglite = await PGlite.create({ dataDir: `${dataDir}/pg` });
    const { rows } = await pglite.query<{ shared_buffers: string }>("SHOW shared_buffers");
    if (rows[0]?.shared_buffers !== EMBEDDED_SHARED_BUFFERS) {
      // Takes effect at the next start, so the first start of a new data directory reopens once.
      await pglite.exec(`ALTER SYSTEM SET shared_buffers = '${EMBEDDED_SHARED_BUFFERS}'`);
      await pglite.close();
      pglite = await PGlite.create({ dataDir: `${dataDir}/pg` });
    }
    return wrapPglite(pglite, unlock);
  } catch (error) {
    unlock();
    throw error;
  }
}

/** An in-memory PGlite, optionally started from a dumped data directory (the tests' template). */
export async function memoryPglite(template?: Blob | File): Promise<Database> {
  // No extensions: loading one into PGlite slows every process.nextTick of the app (decision 0010).
  const pglite = await PGlite.create(template ? { loadDataDir: template } : {});
  return wrapPglite(pglite, () => {});
}

function wrapPglite(pglite: PGlite, unlock: () => void): Database {
  const db = drizzlePglite({ client: pglite, schema }) as unknown as Db;
  return {
    kind: "pglite",
    db,
    pglite,
    async close() {
      await pglite.close();
      unlock();
    },
  };
}
