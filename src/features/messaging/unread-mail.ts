import { sql } from "drizzle-orm";
import type { Db } from "../../server/db/client.ts";
import { userNameOf } from "../accounts/people.ts";
import { bidJobOf } from "../bids/reads.ts";
import { contractBidOf } from "../contracts/reads.ts";
import { jobTitleOf } from "../jobs/reads.ts";
import type { Notifier } from "../notifications/service.ts";
import { message, thread, threadParticipant } from "./tables.ts";

/** A message still unread this long after it arrived is e-mailed. */
export const UNREAD_AFTER_MS = 5 * 60_000;

interface Due {
  thread_id: string;
  user_id: string;
  unread: number;
  newest: string | Date;
  sender: string;
  job_title: string | null;
}

/**
 * One notice per participant and thread for messages still unread five minutes after they arrived
 * (grouped: three unread messages are one notice), never twice for the same message: the
 * participant's `mailed_through` moves past what was noticed in the same transaction as the notice.
 * The notifier applies the reader's preference for `message.unread`: e-mail now (the default),
 * the daily digest, the in-app list only, or nothing. Only threads active in the last day are
 * looked at.
 */
export async function noticeUnreadMessages(db: Db, notifier: Notifier, now = new Date()) {
  const cutoff = new Date(now.getTime() - UNREAD_AFTER_MS);
  // The newest sender and the job are looked up once per group, from their owners.
  const sender = userNameOf(sql`(array_agg(m.sender_id ORDER BY m.created_at DESC))[1]`);
  const jobTitle = jobTitleOf(bidJobOf(sql`coalesce(t.bid_id, ${contractBidOf(sql`t.contract_id`)})`));
  const result = await db.execute(sql`
    SELECT tp.thread_id, tp.user_id, count(*)::int AS unread,
           max(m.created_at) AS newest,
           ${sender} AS sender,
           ${jobTitle} AS job_title
    FROM ${thread} t
    JOIN ${threadParticipant} tp ON tp.thread_id = t.id
    JOIN ${message} m ON m.thread_id = t.id AND m.sender_id <> tp.user_id AND m.deleted_at IS NULL
      AND m.created_at <= ${cutoff.toISOString()}
      AND m.created_at > coalesce(tp.read_up_to_at, '-infinity')
      AND m.created_at > coalesce(tp.mailed_through, '-infinity')
    WHERE t.last_activity_at > ${new Date(now.getTime() - 86_400_000).toISOString()}
    GROUP BY tp.thread_id, tp.user_id, t.bid_id, t.contract_id
    LIMIT 500`);
  const due = (result as unknown as { rows: Due[] }).rows;
  for (const d of due) {
    await notifier.transaction(db, async (tx) => {
      await tx.execute(sql`
        UPDATE ${threadParticipant} SET mailed_through = ${new Date(d.newest).toISOString()}
        WHERE thread_id = ${d.thread_id} AND user_id = ${d.user_id}`);
      await notifier.notify(tx, [
        {
          userId: d.user_id,
          type: "message.unread",
          data: { threadId: d.thread_id, jobTitle: d.job_title ?? "", sender: d.sender, count: d.unread },
        },
      ]);
    });
  }
  return due.length;
}
