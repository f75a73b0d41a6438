import { and, desc, eq, gt, isNull, sql } from "drizzle-orm";
import type { Tx } from "../../server/db/client.ts";
import type { NotificationType } from "./schema.ts";
import { notification } from "./tables.ts";

// What other features may ask of a user's notifications, so none of them reads the table.

/**
 * The newest notification of a type a user got about a contract after `since` (unread ones only
 * when asked): a ring still waiting, or one sent a moment ago that a repeat need not send again.
 */
export async function latestContractNotice(
  tx: Tx,
  query: { userId: string; type: NotificationType; contractId: string; since: Date; unreadOnly?: boolean },
) {
  const [row] = await tx
    .select({ data: notification.data, at: notification.createdAt })
    .from(notification)
    .where(
      and(
        eq(notification.userId, query.userId),
        eq(notification.type, query.type),
        sql`${notification.data}->>'contractId' = ${query.contractId}`,
        query.unreadOnly ? isNull(notification.readAt) : undefined,
        gt(notification.createdAt, query.since),
      ),
    )
    .orderBy(desc(notification.createdAt))
    .limit(1);
  return row;
}
