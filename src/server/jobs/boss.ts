import { sql } from "drizzle-orm";
import type { FastifyBaseLogger as Logger } from "fastify";
import { fromDrizzle, fromPglite, PgBoss } from "pg-boss";
import type { Database, Tx } from "../db/client.ts";

export interface Jobs {
  boss: PgBoss;
  /**
   * Enqueues a job. Given a transaction, the job is written inside it: it exists exactly when the
   * change that caused it commits.
   */
  send(
    queue: string,
    data: object,
    options?: { tx?: Tx; retryLimit?: number; startAfterSeconds?: number },
  ): Promise<void>;
  stop(): Promise<void>;
}

/** Queues used across the app; each is created at start so send() never hits a missing queue. */
export const QUEUES = { mailDrain: "mail.drain" } as const;

/**
 * mail.drain is a wake-up: one waiting job is enough however many mails arrive meanwhile
 * ("short" keeps at most one queued; sends beyond it are dropped), and any number may run.
 */
const QUEUE_OPTIONS: Record<string, Parameters<PgBoss["createQueue"]>[1]> = {
  [QUEUES.mailDrain]: { policy: "short", retryLimit: 3, retryBackoff: true, retryDelay: 2 },
};

export async function startJobs(database: Database, log: Logger): Promise<Jobs> {
  const boss =
    database.kind === "pglite"
      ? new PgBoss({ db: fromPglite(database.pglite), backend: "pglite", schema: "pgboss" })
      : new PgBoss({ db: poolAdapter(database), schema: "pgboss" });
  boss.on("error", (error) => log.error({ err: error }, "job queue error"));
  await boss.start();
  for (const queue of Object.values(QUEUES)) await boss.createQueue(queue, QUEUE_OPTIONS[queue]);
  return {
    boss,
    async send(queue, data, options = {}) {
      await boss.send(queue, data, {
        ...(options.tx ? { db: fromDrizzle(options.tx as Parameters<typeof fromDrizzle>[0], sql) } : {}),
        ...(options.retryLimit !== undefined ? { retryLimit: options.retryLimit } : {}),
        ...(options.startAfterSeconds !== undefined ? { startAfter: options.startAfterSeconds } : {}),
      });
    },
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
