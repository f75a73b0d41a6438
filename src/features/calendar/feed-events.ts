import { and, desc, eq, gte, inArray, isNotNull, or } from "drizzle-orm";
import type { Db } from "../../server/db/client.ts";
import { contractIdsOf } from "../contracts/reads.ts";
import { seriesOf } from "./event-rows.ts";
import type { FeedEvent } from "./ics-write.ts";
import { overridesOf, type StoredOverride } from "./overrides.ts";
import { occurrenceAt } from "./series.ts";
import { contractEvent } from "./tables.ts";

/** One changed occurrence of a series: the series' UID with a RECURRENCE-ID, its own fields over the series'. */
function changedOccurrence(
  series: FeedEvent,
  e: typeof contractEvent.$inferSelect,
  o: StoredOverride,
): FeedEvent {
  const { rrule: _rrule, exclude: _exclude, description, location, url, ...rest } = series;
  const notes = o.row.notes ?? description;
  const place = o.row.location ?? location;
  const link = o.row.url ?? url;
  return {
    ...rest,
    start: o.start ?? o.original,
    // Unmoved, it ends where the series ends it (an all-day one on a 23-hour day is 23 hours long).
    end: o.end ?? occurrenceAt(seriesOf(e), o.original)?.end ?? o.original,
    summary: o.row.title ?? e.title,
    ...(notes ? { description: notes } : {}),
    ...(place ? { location: place } : {}),
    ...(link ? { url: link } : {}),
    recurrenceId: o.original,
  };
}

/**
 * Contract calendar events for a subscription feed (availability/feeds.ts): one contract's, or
 * those of all the user's contracts, each series with its changed and cancelled occurrences.
 */
export async function contractFeedEvents(
  db: Db,
  scope: { userId: string; contractId: string | null },
  since: Date,
  limit: number,
): Promise<FeedEvent[]> {
  const rows = await db
    .select({ e: contractEvent })
    .from(contractEvent)
    .where(
      and(
        scope.contractId
          ? eq(contractEvent.contractId, scope.contractId)
          : inArray(contractEvent.contractId, contractIdsOf(db, scope.userId)),
        // A series that started long ago still repeats: keep every recurring event.
        or(gte(contractEvent.endsAt, since), isNotNull(contractEvent.rrule)),
      ),
    )
    .orderBy(desc(contractEvent.startsAt))
    .limit(limit);
  const overrides = await overridesOf(
    db,
    rows.filter(({ e }) => e.rrule).map(({ e }) => e.id),
  );
  return rows.flatMap(({ e }) => {
    const own = overrides.get(e.id) ?? [];
    const series: FeedEvent = {
      uid: `contract-event-${e.id}@assista`,
      start: e.startsAt.getTime(),
      end: e.endsAt.getTime(),
      summary: e.title,
      ...(e.notes ? { description: e.notes } : {}),
      ...(e.location ? { location: e.location } : {}),
      ...(e.url ? { url: e.url } : {}),
      ...(e.rrule ? { rrule: e.rrule, timeZone: e.timeZone } : {}),
      ...(own.some((o) => o.cancelled)
        ? { exclude: own.filter((o) => o.cancelled).map((o) => o.original) }
        : {}),
      sequence: e.sequence,
    };
    return [series, ...own.filter((o) => !o.cancelled).map((o) => changedOccurrence(series, e, o))];
  });
}
