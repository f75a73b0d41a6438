import { and, desc, eq, gte, or, type SQL } from "drizzle-orm";
import type { Db } from "../../server/db/client.ts";
import { bidJobOf } from "../bids/reads.ts";
import type { FeedEvent } from "../calendar/ics-write.ts";
import { jobTitleOf } from "../jobs/reads.ts";
import { interviewUid } from "./mails.ts";
import { interview } from "./tables.ts";

/**
 * Confirmed interviews for a subscription feed (availability/feeds.ts): the user's, or those of
 * one bid (a contract's feed passes the bid it was hired from: the interviews that led to the
 * hire), ending after `since`, newest first.
 */
export async function interviewFeedEvents(
  db: Db,
  scope: { userId: string } | { bidId: SQL },
  since: Date,
  limit: number,
  publicUrl: string,
): Promise<FeedEvent[]> {
  const rows = await db
    .select({ i: interview, title: jobTitleOf(bidJobOf(interview.bidId)) })
    .from(interview)
    .where(
      and(
        eq(interview.status, "confirmed"),
        gte(interview.endsAt, since),
        "bidId" in scope
          ? eq(interview.bidId, scope.bidId)
          : or(eq(interview.clientId, scope.userId), eq(interview.assistantId, scope.userId)),
      ),
    )
    .orderBy(desc(interview.startsAt))
    .limit(limit);
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
