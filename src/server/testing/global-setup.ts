import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { connectPostgres, type Database, memoryPglite } from "../db/client.ts";
import { migrate } from "../db/migrate.ts";
import { startJobs } from "../jobs/boss.ts";
import { adminUrl, RUN_ENV, TEMPLATE_ENV, withAdmin } from "./databases.ts";

/** Migrates one template database (app tables and pg-boss's schema) for all test files to copy. */
export default async function setup() {
  const url = process.env.TEST_DATABASE_URL;
  const prepare = async (database: Database) => {
    await migrate(database);
    const jobs = await startJobs(database, pino({ level: "silent" }));
    await jobs.stop();
  };
  if (!url) {
    const dir = mkdtempSync(join(tmpdir(), "assista-test-"));
    const database = await memoryPglite();
    await prepare(database);
    if (database.kind !== "pglite") throw new Error("unreachable");
    const dump = await database.pglite.dumpDataDir("none");
    writeFileSync(join(dir, "template.tar"), Buffer.from(await dump.arrayBuffer()));
    await database.close();
    process.env[TEMPLATE_ENV] = join(dir, "template.tar");
    return () => rmSync(dir, { recursive: true, force: true });
  }
  // One id per run: the teardown drops only this run's databases, so two runs can share a server.
  const run = randomBytes(4).toString("hex");
  process.env[RUN_ENV] = run;
  const name = `assista_template_${run}`;
  await withAdmin(url, (c) => c.query(`CREATE DATABASE ${name}`));
  const database = connectPostgres(adminUrl(url, name), 2);
  await prepare(database);
  await database.close();
  process.env[TEMPLATE_ENV] = name;
  return async () => {
    await withAdmin(url, async (c) => {
      // Also drops test databases a crashed file of this run left behind; only names this run creates.
      const { rows } = await c.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE $1",
        [`assista\\_test\\_${run}\\_%`],
      );
      for (const row of rows) await c.query(`DROP DATABASE IF EXISTS ${row.datname} WITH (FORCE)`);
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    });
  };
}
