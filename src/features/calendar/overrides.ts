import { and, eq, gte, inArray } from "drizzle-orm";
import type { Tx } from "../../server/db/client.ts";
import type { EventRow } from "./event-rows.ts";
import { seriesOf } from "./event-rows.ts";
import type { Occurrence } from "./events-schema.ts";
import { isOccurrence, type Override, type Placed } from "./series.ts";
import { contractEvent, contractEventOccurrence } from "./tables.ts";

// The stored overrides of occurrences: read for a set of series, shown in the list, and kept in
// step with the series (an override whose occurrence the series no longer has is dropped).

export type OverrideRow = typeof contractEventOccurrence.$inferSelect;
export interface StoredOverride extends Override {
  row: OverrideRow;
}

export const asOverride = (row: OverrideRow): StoredOverride => ({
  original: row.originalStartsAt.getTime(),
  cancelled: row.cancelled,
  start: row.startsAt?.getTime() ?? null,
  end: row.endsAt?.getTime() ?? null,
  row,
});

/** The overrides of these series, by event id. A series carries a handful; the unique key indexes them. */
export async function overridesOf(db: Tx, eventIds: string[]): Promise<Map<string, StoredOverride[]>> {
  const byEvent = new Map<string, StoredOverride[]>();
  if (!eventIds.length) return byEvent;
  const rows = await db
    .select()
    .from(contractEventOccurrence)
    .where(inArray(contractEventOccurrence.eventId, eventIds));
  for (const row of rows) {
    const list = byEvent.get(row.eventId) ?? [];
    list.push(asOverride(row));
    byEvent.set(row.eventId, list);
  }
  return byEvent;
}

/** An occurrence as the list shows it: its times, the series' start of it, and its own fields. */
export function occurrenceView(eventId: string, p: Placed<StoredOverride>): Occurrence {
  const own = p.override?.row;
  return {
    eventId,
    startsAt: new Date(p.start).toISOString(),
    endsAt: new Date(p.end).toISOString(),
    ...(p.original === null ? {} : { originalStartsAt: new Date(p.original).toISOString() }),
    ...(own?.title != null ? { title: own.title } : {}),
    ...(own?.location != null ? { location: own.location } : {}),
    ...(own?.url != null ? { url: own.url || null } : {}),
    ...(own?.notes != null ? { notes: own.notes } : {}),
  };
}

/**
 * Drops the overrides of occurrences the series no longer has (after its start or rule changed,
 * or it became a one-off event), and, given `from`, those at or after that instant.
 */
export async function dropStaleOverrides(tx: Tx, row: EventRow, from?: number): Promise<void> {
  const where = [eq(contractEventOccurrence.eventId, row.id)];
  if (from !== undefined) where.push(gte(contractEventOccurrence.originalStartsAt, new Date(from)));
  const rows = await tx
    .select({ id: contractEventOccurrence.id, original: contractEventOccurrence.originalStartsAt })
    .from(contractEventOccurrence)
    .where(and(...where));
  const series = seriesOf(row);
  const stale = rows
    .filter((o) => from !== undefined || !isOccurrence(series, o.original.getTime()))
    .map((o) => o.id);
  if (stale.length)
    await tx.delete(contractEventOccurrence).where(inArray(contractEventOccurrence.id, stale));
}

/**
 * Moves the overrides at or after `from` from one series to the one that continues it, keeping
 * those whose occurrence the new series also has (the occurrence at `from` itself became its first).
 */
export async function moveOverrides(tx: Tx, from: number, old: EventRow, next: EventRow): Promise<void> {
  const rows = await tx
    .select()
    .from(contractEventOccurrence)
    .where(
      and(
        eq(contractEventOccurrence.eventId, old.id),
        gte(contractEventOccurrence.originalStartsAt, new Date(from)),
      ),
    );
  const series = seriesOf(next);
  const kept = rows
    .filter(
      (o) => o.originalStartsAt.getTime() !== from && isOccurrence(series, o.originalStartsAt.getTime()),
    )
    .map((o) => o.id);
  if (kept.length) {
    await tx
      .update(contractEventOccurrence)
      .set({ eventId: next.id })
      .where(inArray(contractEventOccurrence.id, kept));
  }
  await dropStaleOverrides(tx, old, from);
}

/**
 * A series cut down to its first occurrence becomes a one-off event. What that occurrence had of
 * its own (moved, retitled, deleted) becomes the event's, so nothing shown changes; the other
 * overrides go. Null when the one date left had been deleted: then the event is deleted too.
 */
export async function settleOneOff(tx: Tx, row: EventRow): Promise<EventRow | null> {
  const [own] = await tx
    .select()
    .from(contractEventOccurrence)
    .where(
      and(
        eq(contractEventOccurrence.eventId, row.id),
        eq(contractEventOccurrence.originalStartsAt, row.startsAt),
      ),
    );
  await tx.delete(contractEventOccurrence).where(eq(contractEventOccurrence.eventId, row.id));
  if (!own) return row;
  if (own.cancelled) {
    await tx.delete(contractEvent).where(eq(contractEvent.id, row.id));
    return null;
  }
  const [next] = await tx
    .update(contractEvent)
    .set({
      ...(own.startsAt && own.endsAt ? { startsAt: own.startsAt, endsAt: own.endsAt } : {}),
      ...(own.title !== null ? { title: own.title } : {}),
      ...(own.location !== null ? { location: own.location } : {}),
      ...(own.url !== null ? { url: own.url || null } : {}),
      ...(own.notes !== null ? { notes: own.notes } : {}),
    })
    .where(eq(contractEvent.id, row.id))
    .returning();
  return next ?? row;
}
