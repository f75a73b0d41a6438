import { getTableColumns, sql } from "drizzle-orm";
import type { Db } from "../../server/db/client.ts";
import type { EventLog, LogItem, Numbered } from "../../server/realtime/event-log.ts";
import { message, thread, threadParticipant } from "./tables.ts";

export type MessageRow = typeof message.$inferSelect;

/** A message ready to store, with its event for the participants' logs. */
export interface Outgoing {
  row: MessageRow;
  item: LogItem;
}

interface Waiting {
  out: Outgoing;
  resolve: (numbered: Numbered[]) => void;
  reject: (error: unknown) => void;
}

export interface WriterLimits {
  /** Statements in flight at once; the rest wait and go together in the next one. */
  inFlight: number;
  /** Messages per statement at most. */
  batch: number;
}

// Two statements in flight keep a connection busy while the other's answer travels back; more
// would mostly add lock waits on busy threads.
const DEFAULT_LIMITS: WriterLimits = { inFlight: 2, batch: 100 };

// The batch's rows travel as one JSON parameter, unpacked by the database into the table's own
// column types, so the statement's text is the same whatever the batch holds. Built by Drizzle as
// a multi-row VALUES, a batch of 100 took 1,300 parameters and a query walk per value: the largest
// single cost of sending a message under load (CPU profile of bench/messages.ts).
const columns = Object.entries(getTableColumns(message));
const messageColumns = sql.join(
  columns.map(([, c]) => sql.identifier(c.name)),
  sql`, `,
);
const messageRecord = sql.raw(columns.map(([, c]) => `"${c.name}" ${c.getSQLType()}`).join(", "));
/** A row in the shape of the record above: keyed by column name, dates as ISO text. */
const asRecord = (row: MessageRow) =>
  Object.fromEntries(columns.map(([key, c]) => [c.name, row[key as keyof MessageRow]]));

/**
 * Stores messages with their threads' activity times (on the thread and on each participant's
 * row, which the inbox orders by) and their numbered events, several messages
 * per statement when they arrive faster than the database answers (group commit). A message that
 * finds a free slot is written at once, so a quiet conversation waits for nobody; under load each
 * statement carries everything that queued meanwhile, which saves round trips, commits and
 * system calls exactly when they are scarce. Each message's promise settles with its own event
 * numbers; one message the database refuses does not take the others in its statement with it.
 *
 * Lock order (why batches cannot deadlock): the event log locks nothing but its new rows
 * (decision 0025); a statement locks its threads' rows, then their participants' rows, each sorted
 * (`ORDER BY … FOR UPDATE`), so two statements that share threads queue on the first shared one.
 */
export function createMessageWriter(
  db: Db,
  log: Pick<EventLog, "ctes" | "numberedOf">,
  limits: WriterLimits = DEFAULT_LIMITS,
) {
  const waiting: Waiting[] = [];
  let inFlight = 0;

  async function store(batch: Outgoing[]): Promise<Numbered[][]> {
    const latest = new Map<string, Date>();
    for (const { row } of batch) {
      const seen = latest.get(row.threadId);
      if (!seen || seen < row.createdAt) latest.set(row.threadId, row.createdAt);
    }
    const touches = [...latest].map(([id, at]) => ({ id, at }));
    const result = await db.execute(sql`
      WITH new_message AS (
        INSERT INTO ${message} (${messageColumns})
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(batch.map((b) => asRecord(b.row)))}::jsonb)
          AS m(${messageRecord})
      ),
      touch AS (
        SELECT * FROM jsonb_to_recordset(${JSON.stringify(touches)}::jsonb) AS g(id uuid, at timestamptz)
      ),
      touched AS (
        UPDATE ${thread} SET last_activity_at = greatest(${thread.lastActivityAt}, l.at)
        FROM (SELECT t.id, g.at FROM ${thread} t JOIN touch g ON t.id = g.id ORDER BY t.id FOR UPDATE OF t) l
        WHERE ${thread.id} = l.id
      ),
      touched_participants AS (
        UPDATE ${threadParticipant} SET last_activity_at = greatest(${threadParticipant.lastActivityAt}, l.at)
        FROM (
          SELECT p.thread_id, p.user_id, g.at FROM ${threadParticipant} p JOIN touch g ON p.thread_id = g.id
          ORDER BY p.thread_id, p.user_id FOR UPDATE OF p
        ) l
        WHERE ${threadParticipant.threadId} = l.thread_id AND ${threadParticipant.userId} = l.user_id
      ),
      ${log.ctes(batch.map((b) => b.item))}
      SELECT n, user_id, seq FROM log_numbered`);
    const perMessage: Numbered[][] = batch.map(() => []);
    for (const { n, userId, seq } of log.numberedOf(result)) perMessage[n]?.push({ userId, seq });
    return perMessage;
  }

  async function run(batch: Waiting[]) {
    try {
      const numbered = await store(batch.map((w) => w.out));
      for (const [i, w] of batch.entries()) w.resolve(numbered[i] ?? []);
    } catch (error) {
      if (batch.length === 1) {
        batch[0]?.reject(error);
        return;
      }
      // Find the message the database refused: each alone, the others still succeed.
      for (const w of batch) {
        await store([w.out]).then(([numbered]) => w.resolve(numbered ?? []), w.reject);
      }
    }
  }

  function pump() {
    while (inFlight < limits.inFlight && waiting.length) {
      inFlight += 1;
      void run(waiting.splice(0, limits.batch)).finally(() => {
        inFlight -= 1;
        pump();
      });
    }
  }

  return {
    /** Stores the message and its events; answers each recipient's event number. */
    write(out: Outgoing): Promise<Numbered[]> {
      return new Promise((resolve, reject) => {
        waiting.push({ out, resolve, reject });
        pump();
      });
    },
  };
}
