import { sql } from "drizzle-orm";
import type { FastifyBaseLogger as Logger } from "fastify";
import { fromDrizzle, fromPglite, PgBoss } from "pg-boss";
import type { z } from "zod";
import type { Database, Tx } from "../db/client.ts";
import { type JobDefinition, seal } from "./define.ts";
import { runJobs } from "./runner.ts";

export interface Jobs {
  boss: PgBoss;
  /**
   * Enqueues a declared job; the payload must parse with the job's schema (else JobPayloadError).
   * Given a transaction, the job is written inside it: it exists exactly when the change that
   * caused it commits. Answers the job's id, or null when the queue's policy dropped it.
   */
  send<S extends z.ZodType>(
    definition: JobDefinition<S, never>,
    payload: z.input<S>,
    options?: { tx?: Tx; startAfterSeconds?: number },
  ): Promise<string | null>;
  /** Creates the jobs' queues, attaches this server's workers and sets the schedules (runner.ts). */
  run<C>(definitions: readonly JobDefinition<z.ZodType, C>[], context: C): Promise<void>;
  stop(): Promise<void>;
}

/** pg-boss on the app's own database: PGlite in process, or the node-postgres pool. */
export async function startJobs(database: Database, log: Logger): Promise<Jobs> {
  const boss =
    database.kind === "pglite"
      ? new PgBoss({ db: fromPglite(database.pglite), backend: "pglite", schema: "pgboss" })
      : new PgBoss({ db: poolAdapter(database), schema: "pgboss" });
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  await boss.start();
  return {
    boss,
    async send(definition, payload, options = {}) {
      const { envelope, parsed } = seal(definition, payload);
      const singletonKey = definition.key?.(parsed);
      return boss.send(definition.id, envelope, {
        ...(options.tx ? { db: fromDrizzle(options.tx as Parameters<typeof fromDrizzle>[0], sql) } : {}),
        ...(options.startAfterSeconds !== undefined ? { startAfter: options.startAfterSeconds } : {}),
        ...(singletonKey !== undefined ? { singletonKey } : {}),
      });
    },
    run: (definitions, context) => runJobs(boss, definitions, context, log),
    async stop() {
      await boss.stop({ graceful: true, timeout: 10_000, close: false });
    },
  };
}

// pg-boss reuses our node-postgres pool rather than opening a second one per instance.
function poolAdapter(database: Extract<Database, { kind: "pg" }>) {
  return {
    async executeSql(text: string, values?: unknown[]) {
      return database.pool.query(text, values as unknown[]);
    },
  };
}
