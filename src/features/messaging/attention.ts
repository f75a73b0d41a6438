import { and, eq } from "drizzle-orm";
import type { Db } from "../../server/db/client.ts";
import type { AttentionSource } from "../contracts/overview.ts";
import { thread, threadParticipant } from "./tables.ts";
import { unreadCount } from "./views.ts";

/** "Needs attention": messages in the contract's thread the reader has not read yet. */
export function unreadMessagesAttention(db: Db): AttentionSource {
  return async (scope) => {
    // thread.contract_id is unique: one row at most, found by its index.
    const [row] = await db
      .select({ threadId: thread.id, unread: unreadCount })
      .from(threadParticipant)
      .innerJoin(thread, eq(thread.id, threadParticipant.threadId))
      .where(and(eq(thread.contractId, scope.contractId), eq(threadParticipant.userId, scope.userId)));
    return row && row.unread > 0
      ? [{ kind: "messages.unread", threadId: row.threadId, count: row.unread }]
      : [];
  };
}
