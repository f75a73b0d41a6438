import { and, eq, sql } from "drizzle-orm";
import type { Db } from "../../server/db/client.ts";
import type { Mailer } from "../../server/mail/outbox.ts";
import { layoutMail } from "../../server/mail/templates.ts";
import { mailFieldsOf } from "../accounts/people.ts";
import type { Notices } from "./notice.ts";
import type { NotificationType } from "./schema.ts";
import { notification } from "./tables.ts";

/** The digest arrives at this hour of the recipient's own day. */
export const DIGEST_LOCAL_HOUR = 7;

const HEADINGS = {
  de: { subject: (n: number) => `Ihre Zusammenfassung: ${n} Neuigkeiten`, action: "Alle Benachrichtigungen" },
  en: { subject: (n: number) => `Your summary: ${n} updates`, action: "All notifications" },
};

/**
 * Sends each user with pending digest notifications one summary mail, when it is the digest hour
 * in their time zone (or to everyone pending when `hour` is null, for tests and manual runs).
 * A user's mail and the clearing of their pending flags are one transaction.
 */
export async function sendDigests(
  db: Db,
  mailer: Mailer,
  notices: Notices,
  publicUrl: string,
  hour: number | null = DIGEST_LOCAL_HOUR,
) {
  const { email, locale, timeZone } = mailFieldsOf(notification.userId);
  const due = await db
    .selectDistinct({ id: notification.userId, email, locale })
    .from(notification)
    .where(
      and(
        eq(notification.digestPending, true),
        hour === null ? undefined : sql`extract(hour from now() AT TIME ZONE ${timeZone}) = ${hour}`,
      ),
    );
  for (const recipient of due) {
    const locale = recipient.locale === "en" ? "en" : "de";
    await db.transaction(async (tx) => {
      const items = await tx
        .update(notification)
        .set({ digestPending: false })
        .where(and(eq(notification.userId, recipient.id), eq(notification.digestPending, true)))
        .returning({ type: notification.type, data: notification.data, createdAt: notification.createdAt });
      if (!items.length) return;
      items.sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
      const lines = items.map((i) => `• ${notices[i.type as NotificationType].mail[locale](i.data).intro}`);
      const mail = layoutMail(
        locale,
        {
          subject: HEADINGS[locale].subject(items.length),
          intro: lines.join("\n"),
          action: HEADINGS[locale].action,
        },
        `${publicUrl}/notifications`,
      );
      await mailer.enqueue({ to: recipient.email, ...mail }, tx);
    });
  }
  return due.length;
}
