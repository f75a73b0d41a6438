import { randomBytes } from "node:crypto";
import { and, desc, eq, gte, isNotNull, isNull, or } from "drizzle-orm";
import type { Actor } from "../../server/auth/actor.ts";
import type { Db } from "../../server/db/client.ts";
import { AppError } from "../../server/errors.ts";
import { bid } from "../bids/tables.ts";
import { seriesOf } from "../calendar/event-rows.ts";
import type { FeedEvent } from "../calendar/ics-write.ts";
import { overridesOf, type StoredOverride } from "../calendar/overrides.ts";
import { occurrenceAt } from "../calendar/series.ts";
import { contractEvent } from "../calendar/tables.ts";
import type { ContractScope } from "../contracts/gate.ts";
import { contract } from "../contracts/tables.ts";
import { interviewUid } from "../interviews/mails.ts";
import { interview } from "../interviews/tables.ts";
import { job } from "../jobs/tables.ts";
import type { CalendarFeed } from "./schema.ts";
import { calendarFeed } from "./tables.ts";

/** Past events stay in feeds this long: last month's interviews are still worth seeing. */
const PAST_MS = 90 * 86_400_000;
/** At most this many events per source: a feed is fetched every few minutes and must stay light. */
const MAX_EVENTS = 2_000;

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

export function createFeedsService(db: Db, publicUrl: string) {
  const urls = (token: string) => {
    const https = `${publicUrl}/api/calendar/${token}.ics`;
    return { url: https, webcalUrl: https.replace(/^https?:/, "webcal:") };
  };
  const view = (row: typeof calendarFeed.$inferSelect): CalendarFeed => ({
    id: row.id,
    contractId: row.contractId,
    ...urls(row.token),
    createdAt: row.createdAt.toISOString(),
  });

  /** Confirmed interviews in the scope: the user's, or those of the contract's bid. */
  async function interviews(userId: string, contractId: string | null, since: Date): Promise<FeedEvent[]> {
    const rows = await db
      .select({ i: interview, title: job.title })
      .from(interview)
      .innerJoin(bid, eq(bid.id, interview.bidId))
      .innerJoin(job, eq(job.id, bid.jobId))
      .leftJoin(contract, eq(contract.bidId, interview.bidId))
      .where(
        and(
          eq(interview.status, "confirmed"),
          gte(interview.endsAt, since),
          contractId
            ? eq(contract.id, contractId)
            : or(eq(interview.clientId, userId), eq(interview.assistantId, userId)),
        ),
      )
      .orderBy(desc(interview.startsAt))
      .limit(MAX_EVENTS);
    return rows.map(({ i, title }) => ({
      uid: interviewUid(i.id),
      start: (i.startsAt as Date).getTime(),
      end: (i.endsAt as Date).getTime(),
      summary: `Interview: ${title}`,
      url: i.meetingUrl ?? `${publicUrl}/interviews/${i.id}`,
      sequence: i.sequence,
      status: "confirmed" as const,
    }));
  }

  /** Contract calendar events in the scope: one contract's, or those of all the user's contracts. */
  async function contractEvents(
    userId: string,
    contractId: string | null,
    since: Date,
  ): Promise<FeedEvent[]> {
    const rows = await db
      .select({ e: contractEvent })
      .from(contractEvent)
      .innerJoin(contract, eq(contract.id, contractEvent.contractId))
      .where(
        and(
          contractId
            ? eq(contract.id, contractId)
            : or(eq(contract.clientId, userId), eq(contract.assistantId, userId)),
          // A series that started long ago still repeats: keep every recurring event.
          or(gte(contractEvent.endsAt, since), isNotNull(contractEvent.rrule)),
        ),
      )
      .orderBy(desc(contractEvent.startsAt))
      .limit(MAX_EVENTS);
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

  return {
    async list(actor: Actor): Promise<CalendarFeed[]> {
      const rows = await db
        .select()
        .from(calendarFeed)
        .where(and(eq(calendarFeed.userId, actor.userId), isNull(calendarFeed.revokedAt)))
        .orderBy(calendarFeed.createdAt);
      return rows.map(view);
    },

    /** A new link, for all of one's calendar or for one contract (the gate's scope of it). */
    async create(actor: Actor, scope: ContractScope | null): Promise<CalendarFeed> {
      const contractId = scope?.contractId ?? null;
      // 32 random bytes: unguessable, and the URL is the only credential calendar apps can send.
      const token = randomBytes(32).toString("base64url");
      const [row] = await db
        .insert(calendarFeed)
        .values({ userId: actor.userId, contractId, token })
        .returning();
      if (!row) throw new Error("insert returned no row");
      return view(row);
    },

    async revoke(actor: Actor, id: string) {
      const [row] = await db
        .update(calendarFeed)
        .set({ revokedAt: new Date() })
        .where(
          and(eq(calendarFeed.id, id), eq(calendarFeed.userId, actor.userId), isNull(calendarFeed.revokedAt)),
        )
        .returning();
      if (!row) throw new AppError("not_found");
    },

    /** The iCalendar text behind a token, or 404 for an unknown or revoked one. */
    async render(token: string): Promise<string> {
      const [row] = await db
        .select({ feed: calendarFeed })
        .from(calendarFeed)
        .where(and(eq(calendarFeed.token, token), isNull(calendarFeed.revokedAt)));
      if (!row) throw new AppError("not_found");
      const { userId, contractId } = row.feed;
      const since = new Date(Date.now() - PAST_MS);
      const events = (
        await Promise.all([interviews(userId, contractId, since), contractEvents(userId, contractId, since)])
      ).flat();
      // The writer (ical-generator and the zone database) loads with the first feed asked for.
      const { feed } = await import("../calendar/ics-write.ts");
      return feed({ name: contractId ? "Assista – Vertrag" : "Assista", events });
    },
  };
}

export type FeedsService = ReturnType<typeof createFeedsService>;
