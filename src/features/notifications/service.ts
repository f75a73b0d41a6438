import { and, count, desc, eq, inArray, isNull, lt, or } from "drizzle-orm";
import type { Actor } from "../../server/auth/actor.ts";
import { decodeCursor, encodeCursor } from "../../server/cursor.ts";
import type { Db, Tx } from "../../server/db/client.ts";
import type { Notification, NotificationType } from "./schema.ts";
import { notification } from "./tables.ts";

export interface NewNotification {
  userId: string;
  type: NotificationType;
  data: Record<string, string | number | null>;
}

/** Writes notifications inside the caller's transaction, so they exist exactly when the event does. */
export async function notify(tx: Tx, items: NewNotification[]): Promise<void> {
  if (items.length) await tx.insert(notification).values(items);
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
      const after = cursor ? decodeCursor(cursor) : undefined;
      const rows = await db
        .select()
        .from(notification)
        .where(
          and(
            eq(notification.userId, actor.userId),
            after
              ? or(
                  lt(notification.createdAt, after.at),
                  and(eq(notification.createdAt, after.at), lt(notification.id, after.id)),
                )
              : undefined,
          ),
        )
        .orderBy(desc(notification.createdAt), desc(notification.id))
        .limit(limit + 1);
      const page = rows.slice(0, limit);
      const last = page.at(-1);
      return {
        items: page.map(toNotification),
        nextCursor: rows.length > limit && last ? encodeCursor(last.createdAt, last.id) : null,
      };
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
