import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef, useState } from "react";
import type { Message, Thread, UnreadCounts } from "../schema.ts";
import { markThreadRead, THREADS_KEY, threadQuery, UNREAD_MESSAGES_KEY } from "./message-api.ts";
import { mapThread, type ThreadPages, withReadPosition } from "./message-cache.ts";
import { myParticipant } from "./participants.ts";

/** Whether messages from others follow the user's read position (all loaded ones if there is none). */
function hasUnseen(messages: Message[], myId: string, readUpToId: string | null): boolean {
  const from = readUpToId ? messages.findIndex((m) => m.id === readUpToId) + 1 : 0;
  return messages.slice(from).some((m) => m.senderId !== myId && !m.deletedAt);
}

function useVisible() {
  const [visible, setVisible] = useState(() => document.visibilityState === "visible");
  useEffect(() => {
    const update = () => setVisible(document.visibilityState === "visible");
    document.addEventListener("visibilitychange", update);
    return () => document.removeEventListener("visibilitychange", update);
  }, []);
  return visible;
}

/**
 * While the thread is open and the tab is seen, what arrives counts as read: the read position
 * moves to the newest message, the other side gets its receipt, the badges shrink.
 */
export function useMarkRead(thread: Thread, myId: string, messages: Message[]) {
  const queryClient = useQueryClient();
  const visible = useVisible();
  const sent = useRef<string | null>(null);
  const newest = messages.at(-1);
  const readUpToId = myParticipant(thread, myId)?.readUpToId ?? null;
  const unseen = hasUnseen(messages, myId, readUpToId);

  useEffect(() => {
    if (!visible || !newest || !unseen || sent.current === newest.id) return;
    sent.current = newest.id;
    const readAt = new Date().toISOString();
    markThreadRead(thread.id, newest.id)
      .then((state) => {
        const move = (t: Thread) => ({
          ...withReadPosition(t, myId, newest.id, readAt),
          unread: state.unread,
        });
        queryClient.setQueryData(threadQuery(thread.id).queryKey, (t) => (t ? move(t) : t));
        queryClient.setQueryData<ThreadPages>(THREADS_KEY, (data) =>
          data ? mapThread(data, thread.id, move) : data,
        );
        queryClient.setQueryData<UnreadCounts>(UNREAD_MESSAGES_KEY, (counts) =>
          counts
            ? {
                total: state.total,
                threads: counts.threads.map((c) =>
                  c.threadId === thread.id ? { ...c, unread: state.unread } : c,
                ),
              }
            : counts,
        );
      })
      .catch(() => {
        // Not fatal: the next message (or visit) tries again.
        sent.current = null;
      });
  }, [visible, newest, unseen, thread.id, myId, queryClient]);
}
