import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import type { Actor } from "../../server/auth/actor.ts";
import { olderThan, pageOf } from "../../server/cursor.ts";
import type { Db, Tx } from "../../server/db/client.ts";
import type { Mailer } from "../../server/mail/outbox.ts";
import { layoutMail } from "../../server/mail/templates.ts";
import { user } from "../accounts/tables.ts";
import { NOTIFICATION_MAILS } from "./mail-templates.ts";
import type { Notification, NotificationType } from "./schema.ts";
import { notification } from "./tables.ts";

export interface NewNotification {
  userId: string;
  type: NotificationType;
  data: Record<string, string | number | null>;
}

export interface Notifier {
  /**
   * Writes notifications inside the caller's transaction, and their e-mails to the outbox in the
   * same transaction, so both exist exactly when the event does.
   */
  notify(tx: Tx, items: NewNotification[]): Promise<void>;
}

export function createNotifier(mailer: Mailer, publicUrl: string): Notifier {
  return {
    async notify(tx, items) {
      if (!items.length) return;
      await tx.insert(notification).values(items);
      const recipients = await tx
        .select({ id: user.id, email: user.email, locale: user.locale })
        .from(user)
        .where(inArray(user.id, [...new Set(items.map((i) => i.userId))]));
      const byId = new Map(recipients.map((r) => [r.id, r]));
      for (const item of items) {
        const to = byId.get(item.userId);
        if (!to) continue;
        const locale = to.locale === "en" ? "en" : "de";
        const lines = NOTIFICATION_MAILS[item.type][locale](String(item.data.jobTitle ?? ""));
        const url = `${publicUrl}/jobs/${item.data.jobId ?? ""}`;
        await mailer.enqueue({ to: to.email, ...layoutMail(locale, lines, url) }, tx);
      }
    },
  };
}

const toNotification = (row: typeof notification.$inferSelect): Notification => ({
  id: row.id,
  type: row.type as NotificationType,
  data: row.data,
  readAt: row.readAt?.toISOString() ?? null,
  createdAt: row.createdAt.toISOString(),
});

export function createNotificationsService(db: Db) {
  return {
    async list(actor: Actor, cursor: string | undefined, limit: number) {
      const rows = await db
        .select()
        .from(notification)
        .where(
          and(
            eq(notification.userId, actor.userId),
            olderThan(cursor, notification.createdAt, notification.id),
          ),
        )
        .orderBy(desc(notification.createdAt), desc(notification.id))
        .limit(limit + 1);
      const page = pageOf(rows, limit, (r) => ({ at: r.createdAt, id: r.id }));
      return { ...page, items: page.items.map(toNotification) };
    },

    async unread(actor: Actor) {
      const [row] = await db
        .select({ n: count() })
        .from(notification)
        .where(and(eq(notification.userId, actor.userId), isNull(notification.readAt)));
      return { unread: row?.n ?? 0 };
    },

    /** Marks the given (own) notifications, or all, as read; others' ids are simply not matched. */
    async markRead(actor: Actor, input: { ids?: string[] | undefined; all?: boolean | undefined }) {
      await db
        .update(notification)
        .set({ readAt: new Date() })
        .where(
          and(
            eq(notification.userId, actor.userId),
            isNull(notification.readAt),
            input.all ? undefined : inArray(notification.id, input.ids ?? []),
          ),
        );
      return this.unread(actor);
    },
  };
}

export type NotificationsService = ReturnType<typeof createNotificationsService>;
