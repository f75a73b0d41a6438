import { randomBytes } from "node:crypto";
import { and, eq, isNull, sql } from "drizzle-orm";
import type { Actor } from "../../server/auth/actor.ts";
import type { Db } from "../../server/db/client.ts";
import { AppError } from "../../server/errors.ts";
import { contractFeedEvents } from "../calendar/feed-events.ts";
import type { ContractScope } from "../contracts/gate.ts";
import { contractBidOf } from "../contracts/reads.ts";
import { interviewFeedEvents } from "../interviews/feed.ts";
import type { CalendarFeed } from "./schema.ts";
import { calendarFeed } from "./tables.ts";

/** Past events stay in feeds this long: last month's interviews are still worth seeing. */
const PAST_MS = 90 * 86_400_000;
/** At most this many events per source: a feed is fetched every few minutes and must stay light. */
const MAX_EVENTS = 2_000;

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
        await Promise.all([
          interviewFeedEvents(
            db,
            contractId ? { bidId: contractBidOf(sql`${contractId}`) } : { userId },
            since,
            MAX_EVENTS,
            publicUrl,
          ),
          contractFeedEvents(db, { userId, contractId }, since, MAX_EVENTS),
        ])
      ).flat();
      // The writer (ical-generator and the zone database) loads with the first feed asked for.
      const { feed } = await import("../calendar/ics-write.ts");
      return feed({ name: contractId ? "Assista – Vertrag" : "Assista", events });
    },
  };
}

export type FeedsService = ReturnType<typeof createFeedsService>;
