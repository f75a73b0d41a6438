import { sql } from "drizzle-orm";
import type { Db } from "../../server/db/client.ts";
import type { Jobs } from "../../server/jobs/boss.ts";
import type { Mailer } from "../../server/mail/outbox.ts";
import { layoutMail } from "../../server/mail/templates.ts";
import { user } from "../accounts/tables.ts";
import { bid } from "../bids/tables.ts";
import { contract } from "../contracts/tables.ts";
import { job } from "../jobs/tables.ts";
import { notificationPreference } from "../notifications/tables.ts";
import { message, thread, threadParticipant } from "./tables.ts";

export const UNREAD_MAIL_QUEUE = "messages.unread-mail";
/** A message still unread this long after it arrived is e-mailed. */
export const UNREAD_AFTER_MS = 5 * 60_000;

const TEXTS = {
  de: (n: number, sender: string, job: string) => ({
    subject: n === 1 ? `Neue Nachricht von ${sender}` : `${n} ungelesene Nachrichten zu „${job}“`,
    intro:
      n === 1
        ? `${sender} hat Ihnen zu „${job}“ geschrieben.`
        : `Sie haben ${n} ungelesene Nachrichten zu „${job}“, zuletzt von ${sender}.`,
    action: "Nachrichten lesen",
  }),
  en: (n: number, sender: string, job: string) => ({
    subject: n === 1 ? `New message from ${sender}` : `${n} unread messages about "${job}"`,
    intro:
      n === 1
        ? `${sender} wrote to you about "${job}".`
        : `You have ${n} unread messages about "${job}", the latest from ${sender}.`,
    action: "Read the messages",
  }),
};

interface Due {
  thread_id: string;
  user_id: string;
  email: string;
  locale: string;
  unread: number;
  newest: string | Date;
  sender: string;
  job_title: string | null;
}

/**
 * One mail per participant and thread for messages still unread five minutes after they arrived
 * (grouped: three unread messages are one mail), never twice for the same message: the
 * participant's `mailed_through` moves past what was mailed in the same transaction as the mail.
 * Only threads active in the last day are looked at, and only readers whose preference for
 * `message.unread` is e-mail (the default); for the others the inbox's unread badge is the notice.
 */
export async function mailUnreadMessages(db: Db, mailer: Mailer, publicUrl: string, now = new Date()) {
  const cutoff = new Date(now.getTime() - UNREAD_AFTER_MS);
  const result = await db.execute(sql`
    SELECT tp.thread_id, tp.user_id, u.email, u.locale, count(*)::int AS unread,
           max(m.created_at) AS newest,
           (array_agg(s.name ORDER BY m.created_at DESC))[1] AS sender,
           min(j.title) AS job_title
    FROM ${thread} t
    JOIN ${threadParticipant} tp ON tp.thread_id = t.id
    JOIN ${user} u ON u.id = tp.user_id
    JOIN ${message} m ON m.thread_id = t.id AND m.sender_id <> tp.user_id AND m.deleted_at IS NULL
      AND m.created_at <= ${cutoff.toISOString()}
      AND m.created_at > coalesce(tp.read_up_to_at, '-infinity')
      AND m.created_at > coalesce(tp.mailed_through, '-infinity')
    JOIN ${user} s ON s.id = m.sender_id
    LEFT JOIN ${bid} b ON b.id = t.bid_id
    LEFT JOIN ${contract} c ON c.id = t.contract_id
    LEFT JOIN ${job} j ON j.id = coalesce(b.job_id, c.job_id)
    LEFT JOIN ${notificationPreference} np ON np.user_id = tp.user_id AND np.type = 'message.unread'
    WHERE coalesce(np.channel, 'email') = 'email'
      AND t.last_activity_at > ${new Date(now.getTime() - 86_400_000).toISOString()}
    GROUP BY tp.thread_id, tp.user_id, u.email, u.locale
    LIMIT 500`);
  const due = (result as unknown as { rows: Due[] }).rows;
  for (const d of due) {
    const locale = d.locale === "en" ? "en" : "de";
    const mail = layoutMail(
      locale,
      TEXTS[locale](d.unread, d.sender, d.job_title ?? ""),
      `${publicUrl}/messages/${d.thread_id}`,
    );
    await db.transaction(async (tx) => {
      await tx.execute(sql`
        UPDATE ${threadParticipant} SET mailed_through = ${new Date(d.newest).toISOString()}
        WHERE thread_id = ${d.thread_id} AND user_id = ${d.user_id}`);
      await mailer.enqueue({ to: d.email, ...mail }, tx);
    });
  }
  return due.length;
}

/** Every minute: a message mailed at the latest six minutes after it arrived. */
export async function startUnreadMail(db: Db, jobs: Jobs, mailer: Mailer, publicUrl: string) {
  await jobs.boss.createQueue(UNREAD_MAIL_QUEUE, { policy: "short", retryLimit: 2 });
  await jobs.boss.work(UNREAD_MAIL_QUEUE, async () => {
    await mailUnreadMessages(db, mailer, publicUrl);
  });
  await jobs.boss.schedule(UNREAD_MAIL_QUEUE, "* * * * *");
}
