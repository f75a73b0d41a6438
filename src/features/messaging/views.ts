import { and, desc, eq, sql } from "drizzle-orm";
import { cursorValues, olderThanPlaceholders } from "../../server/cursor.ts";
import type { Db } from "../../server/db/client.ts";
import { byShape, shapeOf } from "../../server/db/prepared.ts";
import { userNameOf } from "../accounts/people.ts";
import { bidJobOf, bidStatusOf } from "../bids/reads.ts";
import { contractBidOf } from "../contracts/reads.ts";
import { jobTitleOf } from "../jobs/reads.ts";
import type { ContactKind, Message, Thread, ThreadKind } from "./schema.ts";
import { message, thread, threadParticipant } from "./tables.ts";

type MessageRow = typeof message.$inferSelect;

export const toMessage = (row: MessageRow): Message => ({
  id: row.id,
  threadId: row.threadId,
  senderId: row.senderId,
  body: row.body,
  attachment:
    row.attachmentKey && row.attachmentName && row.attachmentType
      ? { fileName: row.attachmentName, contentType: row.attachmentType, sizeBytes: row.attachmentSize ?? 0 }
      : null,
  flaggedContact: row.flaggedContact,
  contactKinds: row.contactKinds as ContactKind[],
  editedAt: row.editedAt?.toISOString() ?? null,
  deletedAt: row.deletedAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

/** The inbox shows the start of the newest message, not all 10,000 characters of it. */
const PREVIEW_CHARS = 200;

/**
 * Messages from others after the participant's read position, tombstones not counted. Walks
 * message_thread_created_idx from the read position on, so it costs the unread messages only.
 * (Columns are named in full: Drizzle leaves them unqualified, and `thread_id` would mean m's.)
 */
export const unreadCount = sql<number>`(
  SELECT count(*)::int FROM ${message} m
  WHERE m.thread_id = thread_participant.thread_id
    AND m.sender_id <> thread_participant.user_id
    AND m.deleted_at IS NULL
    AND (thread_participant.read_up_to_at IS NULL
      OR (m.created_at, m.id) > (thread_participant.read_up_to_at, thread_participant.read_up_to_id)))`;

/** Which threads a view asks for: one by id, a page after a cursor, or the first page. */
export type ThreadFilter = { threadId: string } | { cursor: string | undefined };

/** A list of ids as one parameter (a PostgreSQL array literal), so the statement stays the same. */
const idList = (ids: string[]) => `{${ids.join(",")}}`;

/**
 * The threads a user takes part in, with what the inbox shows: the job, both parties, the newest
 * message and the unread count. Ordered by the participant's copy of the activity time, so a page
 * comes from thread_participant_inbox_idx however many threads the user has. The three statements
 * are prepared once (db/prepared.ts): every inbox view and every thread opened reads them.
 */
export function createThreadViews(db: Db) {
  // A bid's thread is about its bid, a contract's about the bid it was hired from.
  const aboutBid = sql<string>`coalesce(${thread.bidId}, ${contractBidOf(thread.contractId)})`;
  const page = byShape((shape) =>
    db
      .select({
        thread,
        unread: unreadCount,
        jobId: bidJobOf(aboutBid),
        jobTitle: jobTitleOf(bidJobOf(aboutBid)),
        bidStatus: bidStatusOf(aboutBid),
      })
      .from(threadParticipant)
      .innerJoin(thread, eq(thread.id, threadParticipant.threadId))
      .where(
        and(
          eq(threadParticipant.userId, sql.placeholder("userId")),
          shape === "t" ? eq(thread.id, sql.placeholder("threadId")) : undefined,
          shape === "k"
            ? olderThanPlaceholders(threadParticipant.lastActivityAt, threadParticipant.threadId)
            : undefined,
        ),
      )
      .orderBy(desc(threadParticipant.lastActivityAt), desc(threadParticipant.threadId))
      .limit(sql.placeholder("limit"))
      .prepare(`thread_views_${shape || "first"}`),
  );
  const people = db
    .select({ p: threadParticipant, name: userNameOf(threadParticipant.userId) })
    .from(threadParticipant)
    .where(sql`${threadParticipant.threadId} = ANY(${sql.placeholder("ids")}::uuid[])`)
    .orderBy(threadParticipant.userId)
    .prepare("thread_views_people");
  const latest = db
    .selectDistinctOn([message.threadId])
    .from(message)
    .where(sql`${message.threadId} = ANY(${sql.placeholder("ids")}::uuid[])`)
    .orderBy(message.threadId, desc(message.createdAt), desc(message.id))
    .prepare("thread_views_latest");

  async function participantsOf(threadIds: string[]) {
    const map = new Map<string, Thread["participants"]>();
    if (!threadIds.length) return map;
    for (const { p, name } of await people.execute({ ids: idList(threadIds) })) {
      const list = map.get(p.threadId) ?? [];
      list.push({
        userId: p.userId,
        name,
        readUpToId: p.readUpToId,
        readAt: p.readAt?.toISOString() ?? null,
      });
      map.set(p.threadId, list);
    }
    return map;
  }

  async function lastMessages(threadIds: string[]) {
    const map = new Map<string, Message>();
    if (!threadIds.length) return map;
    for (const row of await latest.execute({ ids: idList(threadIds) })) {
      const m = toMessage(row);
      map.set(row.threadId, { ...m, body: m.body.slice(0, PREVIEW_CHARS) });
    }
    return map;
  }

  return async function threadViews(userId: string, filter: ThreadFilter, limit: number): Promise<Thread[]> {
    const rows =
      "threadId" in filter
        ? await page("t").execute({ userId, threadId: filter.threadId, limit })
        : await page(shapeOf({ k: filter.cursor })).execute({
            userId,
            ...cursorValues(filter.cursor),
            limit,
          });
    const ids = rows.map((r) => r.thread.id);
    const [people, latest] = await Promise.all([participantsOf(ids), lastMessages(ids)]);
    return rows.map(
      (r): Thread => ({
        id: r.thread.id,
        kind: r.thread.kind as ThreadKind,
        bidId: r.thread.bidId,
        contractId: r.thread.contractId,
        jobId: r.jobId,
        jobTitle: r.jobTitle,
        participants: people.get(r.thread.id) ?? [],
        lastMessage: latest.get(r.thread.id) ?? null,
        lastActivityAt: r.thread.lastActivityAt.toISOString(),
        unread: r.unread,
        contactCheck: checksContacts(r.thread.kind, r.bidStatus),
        createdAt: r.thread.createdAt.toISOString(),
      }),
    );
  };
}

/** Before hire only: a bid thread stops checking once its bid is hired, contract threads never do. */
export const checksContacts = (kind: string, bidStatus: string | null) =>
  kind === "bid" && bidStatus !== "hired";

/** Unread messages per thread (only threads with any) and in total. */
export async function unreadCounts(db: Db, userId: string) {
  const rows = await db
    .select({ threadId: threadParticipant.threadId, unread: unreadCount })
    .from(threadParticipant)
    .where(eq(threadParticipant.userId, userId));
  const threads = rows.filter((r) => r.unread > 0);
  return { total: threads.reduce((n, r) => n + r.unread, 0), threads };
}
