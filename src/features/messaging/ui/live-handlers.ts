import type { QueryClient } from "@tanstack/react-query";
import type { LiveHandlers } from "../../../web/live/socket.ts";
import type { UnreadCounts } from "../schema.ts";
import {
  MESSAGING_KEY,
  messagesQuery,
  THREADS_KEY,
  threadQuery,
  UNREAD_MESSAGES_KEY,
} from "./message-api.ts";
import {
  mapThread,
  type ThreadPages,
  upsertMessage,
  withNewMessage,
  withReadPosition,
} from "./message-cache.ts";
import { clearTyping, markTyping } from "./typing.ts";

/** Each message event straight into the caches that show it: the thread, the inbox, the unread counts. */
export const messagingLiveHandlers: LiveHandlers = {
  // Messages may have come between the page's load and the socket's opening (the first connect has
  // no position to replay from; reconnects replay): what is shown is fetched again.
  connected: ({ queryClient }) => void queryClient.invalidateQueries({ queryKey: MESSAGING_KEY }),
  typing: ({ data }) => markTyping(data.threadId, data.userId),

  "message.created": ({ data: { threadId, message } }, { queryClient, myId }) => {
    queryClient.setQueryData(messagesQuery(threadId).queryKey, (data) => upsertMessage(data, message));
    clearTyping(threadId, message.senderId);
    const list = queryClient.getQueryData<ThreadPages>(THREADS_KEY);
    const next = list && withNewMessage(list, message, myId);
    if (next) queryClient.setQueryData(THREADS_KEY, next);
    else void queryClient.invalidateQueries({ queryKey: THREADS_KEY });
    if (message.senderId !== myId) countUnread(queryClient, threadId, 1);
  },

  "message.updated": ({ data: { threadId, message } }, { queryClient, myId }) => {
    queryClient.setQueryData(messagesQuery(threadId).queryKey, (data) => upsertMessage(data, message));
    queryClient.setQueryData<ThreadPages>(THREADS_KEY, (data) =>
      data
        ? mapThread(data, threadId, (t) =>
            t.lastMessage?.id === message.id ? { ...t, lastMessage: message } : t,
          )
        : data,
    );
    // A deleted unread message no longer counts; the server knows by how much.
    if (message.deletedAt && message.senderId !== myId)
      void queryClient.invalidateQueries({ queryKey: UNREAD_MESSAGES_KEY });
  },

  "message.read": ({ data: { threadId, userId, messageId, readAt } }, { queryClient, myId }) => {
    const move = (t: Parameters<typeof withReadPosition>[0]) =>
      withReadPosition(t, userId, messageId, readAt);
    queryClient.setQueryData(threadQuery(threadId).queryKey, (t) => (t ? move(t) : t));
    queryClient.setQueryData<ThreadPages>(THREADS_KEY, (data) =>
      data ? mapThread(data, threadId, move) : data,
    );
    // Read in this tab or another: the counts shrink by what the server counts as read.
    if (userId === myId) {
      void queryClient.invalidateQueries({ queryKey: THREADS_KEY });
      void queryClient.invalidateQueries({ queryKey: UNREAD_MESSAGES_KEY });
    }
  },
};

function countUnread(queryClient: QueryClient, threadId: string, by: number) {
  queryClient.setQueryData<UnreadCounts>(UNREAD_MESSAGES_KEY, (counts) => {
    if (!counts) return counts;
    const known = counts.threads.some((c) => c.threadId === threadId);
    return {
      total: counts.total + by,
      threads: known
        ? counts.threads.map((c) => (c.threadId === threadId ? { ...c, unread: c.unread + by } : c))
        : [...counts.threads, { threadId, unread: by }],
    };
  });
}
