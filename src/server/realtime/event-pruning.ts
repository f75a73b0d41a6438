import { lt } from "drizzle-orm";
import type { Db } from "../db/client.ts";
import { realtimeEvent } from "./tables.ts";

/**
 * How long a user's events stay in the log for catching up. A tab away longer than this reloads
 * its lists anyway; the messages and notifications themselves are kept, only the log is trimmed.
 * The sequence numbering the events goes on, so numbers never repeat.
 */
export const EVENT_RETENTION_MS = 7 * 86_400_000;

export async function pruneEvents(db: Db, now = new Date()): Promise<number> {
  const removed = await db
    .delete(realtimeEvent)
    .where(lt(realtimeEvent.createdAt, new Date(now.getTime() - EVENT_RETENTION_MS)))
    .returning({ seq: realtimeEvent.seq });
  return removed.length;
}
