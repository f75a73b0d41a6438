import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import pg from "pg";
import { connectPostgres, type Database, memoryPglite } from "../db/client.ts";

// Each test file gets its own database, cloned from a template that globalSetup migrated once:
// PGlite from a dumped data directory, PostgreSQL with CREATE DATABASE ... TEMPLATE.

export const TEMPLATE_ENV = "ASSISTA_TEST_TEMPLATE";
/** The run's id, part of every database name it creates (see global-setup.ts). */
export const RUN_ENV = "ASSISTA_TEST_RUN";

export function adminUrl(url: string, database = "postgres"): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function withAdmin<T>(url: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl(url) });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** A fresh database for one test file; closing it also drops it (PostgreSQL). */
export async function testDatabase(): Promise<Database> {
  const template = process.env[TEMPLATE_ENV];
  if (!template)
    throw new Error("Run tests through vitest: the global setup prepares the template database.");
  const url = process.env.TEST_DATABASE_URL;
  if (!url) return memoryPglite(new Blob([readFileSync(template)]));
  const name = `assista_test_${process.env[RUN_ENV] ?? "adhoc"}_${randomBytes(6).toString("hex")}`;
  await withAdmin(url, (c) => c.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const database = connectPostgres(adminUrl(url, name), 5);
  if (database.kind !== "pg") throw new Error("unreachable");
  const { pool } = database;
  return {
    ...database,
    async close() {
      // pool.end() resolves before its clients have said goodbye; dropping the database then kills
      // them mid-way (FATAL 57P01, an unhandled error that fails the run). Wait for each to leave.
      const open = pool.totalCount;
      let left = 0;
      const gone = new Promise<void>((resolve) => {
        if (!open) resolve();
        pool.on("remove", () => {
          left += 1;
          if (left >= open) resolve();
        });
      });
      await database.close();
      await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 5_000).unref())]);
      await withAdmin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
