import { and, count, desc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import type { z } from "zod";
import type { Actor } from "../../server/auth/actor.ts";
import { olderThan, pageOf } from "../../server/cursor.ts";
import type { Db, Tx } from "../../server/db/client.ts";
import type { Mailer } from "../../server/mail/outbox.ts";
import { mailOutbox } from "../../server/mail/tables.ts";
import { layoutMail, type RenderedMail } from "../../server/mail/templates.ts";
import { realtimeEvent } from "../../server/realtime/tables.ts";
import { mailAddressOf } from "../accounts/people.ts";
import { sendDigests } from "./digest.ts";
import type { Notices, NotificationData } from "./notice.ts";
import {
  DEFAULT_CHANNEL,
  type DeliveryChannel,
  NOTIFICATION_TYPES,
  type Notification,
  type NotificationType,
  type preferenceSchema,
} from "./schema.ts";
import { notification, notificationPreference } from "./tables.ts";

type Preference = z.infer<typeof preferenceSchema>;

/** What the daily summary needs: the outbox, every notice's texts, and the app's address for links. */
export interface DigestSettings {
  mailer: Mailer;
  notices: Notices;
  publicUrl: string;
}

export interface NewNotification {
  userId: string;
  type: NotificationType;
  data: NotificationData;
}

/** A notification event to send live after commit: the user's event number for resuming. */
export interface LiveNotice {
  userId: string;
  seq: number;
}

export interface Notifier {
  /**
   * Writes notifications inside the caller's transaction, with their e-mails (outbox) and the
   * recipients' live events (event log), so all exist exactly when the event does. Run the
   * transaction through `transaction()` so the live events go out once it has committed.
   */
  notify(tx: Tx, items: NewNotification[]): Promise<void>;
  /** `db.transaction`, then the live events of the notifications written in it. */
  transaction<T>(db: Db, work: (tx: Tx) => Promise<T>): Promise<T>;
  /**
   * The same writes as common table expressions ending in `notify_events (user_id, seq)`, for a
   * caller that folds them into its own single statement; it passes that statement's rows
   * (`SELECT user_id, seq FROM notify_events`) to `written()` after.
   */
  ctes(items: NewNotification[]): SQL;
  written(result: unknown): void;
  /** Every type's mail texts and link, from the features that send them. */
  notices: Notices;
}

/** Rows of `… RETURNING user_id, seq`, from either driver. */
const noticesOf = (result: unknown): LiveNotice[] =>
  ((result as { rows?: { user_id: string; seq: string | number }[] }).rows ?? []).map((r) => ({
    userId: r.user_id,
    seq: Number(r.seq),
  }));

export function createNotifier(
  mailer: Mailer,
  publicUrl: string,
  notices: Notices,
  deliver: (notices: LiveNotice[]) => void = () => {},
): Notifier {
  /** The mail of an item in both languages: the recipient's language is picked in the query. */
  const rendered = (item: NewNotification) => {
    const notice = notices[item.type];
    const url = `${publicUrl}${notice.path(item.data)}`;
    const [de, en] = (["de", "en"] as const).map((locale) =>
      layoutMail(locale, notice.mail[locale](item.data), url),
    ) as [RenderedMail, RenderedMail];
    return { user_id: item.userId, type: item.type, data: item.data, de, en };
  };

  // One statement for any number of items: each recipient's preference for the type decides
  // whether there is a notification, and whether its mail goes now (in the recipient's
  // language, addressed by the accounts feature) or waits for the daily digest. Each recipient gets
  // one numbered `notification.created` event.
  const ctes = (items: NewNotification[]) => sql`
    notify_item AS (
      SELECT i.*, coalesce(p.channel, ${DEFAULT_CHANNEL}) AS channel
      FROM jsonb_to_recordset(${JSON.stringify(items.map(rendered))}::jsonb)
        AS i(user_id text, type text, data jsonb, de jsonb, en jsonb)
      LEFT JOIN ${notificationPreference} p ON p.user_id = i.user_id AND p.type = i.type
    ), notify_rows AS (
      INSERT INTO ${notification} (user_id, type, data, digest_pending)
      SELECT user_id, type, data, channel = 'digest' FROM notify_item WHERE channel <> 'off'
    ), notify_mails AS (
      INSERT INTO ${mailOutbox} ("to", subject, text, html)
      SELECT u.email, m->>'subject', m->>'text', m->>'html'
      FROM notify_item i
      CROSS JOIN LATERAL ${mailAddressOf(sql`i.user_id`)} AS u
      CROSS JOIN LATERAL (SELECT CASE WHEN u.locale = 'en' THEN i.en ELSE i.de END) AS pick(m)
      WHERE i.channel = 'email'
    ), notify_events AS (
      INSERT INTO ${realtimeEvent} (user_id, type, data)
      SELECT DISTINCT user_id, 'notification.created', '{}'::jsonb FROM notify_item WHERE channel <> 'off'
      RETURNING user_id, seq
    )`;

  // Live events written inside a transaction wait here until it commits (see transaction()).
  const pending = new WeakMap<object, LiveNotice[]>();

  return {
    notices,
    async notify(tx, items) {
      if (!items.length) return;
      const result = await tx.execute(sql`WITH ${ctes(items)} SELECT user_id, seq FROM notify_events`);
      pending.set(tx, [...(pending.get(tx) ?? []), ...noticesOf(result)]);
      mailer.nudge();
    },
    async transaction(db, work) {
      let used: object | undefined;
      const result = await db.transaction(async (tx) => {
        used = tx;
        return work(tx);
      });
      const notices = used ? pending.get(used) : undefined;
      if (notices?.length) deliver(notices);
      return result;
    },
    ctes,
    written(result) {
      mailer.nudge();
      const notices = noticesOf(result);
      if (notices.length) deliver(notices);
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

export function createNotificationsService(db: Db, digests: DigestSettings) {
  return {
    /**
     * One summary mail to each user with digest notices pending, at the digest hour of their own
     * day (`hour` null: everyone pending, for tests and manual runs).
     */
    sendDigests: (hour?: number | null) =>
      sendDigests(db, digests.mailer, digests.notices, digests.publicUrl, hour),
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

    /** Every type with the user's channel for it (the default where they chose none). */
    async preferences(actor: Actor): Promise<Preference[]> {
      const rows = await db
        .select()
        .from(notificationPreference)
        .where(eq(notificationPreference.userId, actor.userId));
      const chosen = new Map(rows.map((r) => [r.type, r.channel as DeliveryChannel]));
      return NOTIFICATION_TYPES.map((type) => ({ type, channel: chosen.get(type) ?? DEFAULT_CHANNEL }));
    },

    async setPreferences(actor: Actor, preferences: Preference[]): Promise<Preference[]> {
      const rows = preferences.map((p) => ({ userId: actor.userId, ...p }));
      await db
        .insert(notificationPreference)
        .values(rows)
        .onConflictDoUpdate({
          target: [notificationPreference.userId, notificationPreference.type],
          set: { channel: sql`excluded.channel` },
        });
      return this.preferences(actor);
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
