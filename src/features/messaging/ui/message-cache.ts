import type { InfiniteData } from "@tanstack/react-query";
import type { Message, Thread } from "../schema.ts";

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}
export type MessagePages = InfiniteData<Page<Message>>;
export type ThreadPages = InfiniteData<Page<Thread>>;

/** Newest first, as the server pages them: by time, then id. */
const newerThan = (a: Message, b: Message) =>
  a.createdAt === b.createdAt ? a.id > b.id : a.createdAt > b.createdAt;

/**
 * Of two states of one message, the later: a tombstone never comes back to life, otherwise the
 * later edit wins. The sender's own answer and the live event carry the same message and may
 * arrive in either order.
 */
export function laterOf(current: Message, incoming: Message): Message {
  if (current.deletedAt && !incoming.deletedAt) return current;
  if (incoming.deletedAt && !current.deletedAt) return incoming;
  return (incoming.editedAt ?? "") >= (current.editedAt ?? "") ? incoming : current;
}

/** A message into the cached pages: replaced where it is, else put in its place (once). */
export function upsertMessage(data: MessagePages | undefined, message: Message): MessagePages | undefined {
  if (!data) return data;
  let found = false;
  const pages = data.pages.map((page) => ({
    ...page,
    items: page.items.map((item) => {
      if (item.id !== message.id) return item;
      found = true;
      return laterOf(item, message);
    }),
  }));
  if (found) return { ...data, pages };
  const [first, ...rest] = pages;
  if (!first) return { ...data, pages: [{ items: [message], nextCursor: null }] };
  const at = first.items.findIndex((item) => newerThan(message, item));
  const items = [...first.items];
  // Older than the whole first page: it belongs further back, where scrolling up will fetch it.
  if (at === -1 && first.nextCursor !== null) return data;
  items.splice(at === -1 ? items.length : at, 0, message);
  return { ...data, pages: [{ ...first, items }, ...rest] };
}

/** The pane's order: oldest at the top. */
export const oldestFirst = (data: MessagePages | undefined): Message[] =>
  (data?.pages.flatMap((page) => page.items) ?? []).slice().reverse();

/** A participant's read position moved (never back: the server only sends moves forward). */
export function withReadPosition(thread: Thread, userId: string, messageId: string, readAt: string): Thread {
  return {
    ...thread,
    participants: thread.participants.map((p) =>
      p.userId === userId ? { ...p, readUpToId: messageId, readAt } : p,
    ),
  };
}

/**
 * The thread list after a message: the thread's preview and unread count updated and moved to
 * the top. Undefined when the thread is not in the loaded pages (the list must be fetched).
 */
export function withNewMessage(data: ThreadPages, message: Message, myId: string): ThreadPages | undefined {
  const thread = data.pages.flatMap((page) => page.items).find((t) => t.id === message.threadId);
  if (!thread) return undefined;
  const fromOther = message.senderId !== myId;
  const updated: Thread = {
    ...thread,
    lastMessage: message,
    lastActivityAt: message.createdAt,
    unread: thread.unread + (fromOther ? 1 : 0),
  };
  const pages = data.pages.map((page) => ({ ...page, items: page.items.filter((t) => t.id !== thread.id) }));
  const [first, ...rest] = pages;
  return {
    ...data,
    pages: [{ ...(first ?? { nextCursor: null }), items: [updated, ...(first?.items ?? [])] }, ...rest],
  };
}

/** Applies a change to one thread wherever it is in the list. */
export function mapThread(data: ThreadPages, threadId: string, change: (t: Thread) => Thread): ThreadPages {
  return {
    ...data,
    pages: data.pages.map((page) => ({
      ...page,
      items: page.items.map((t) => (t.id === threadId ? change(t) : t)),
    })),
  };
}

/**
 * The own message under which "read" shows: the newest one the other side has read up to. Null
 * when they have read none of the loaded ones (or nothing at all).
 */
export function readReceiptFor(messages: Message[], myId: string, readUpToId: string | null): string | null {
  if (!readUpToId) return null;
  const upTo = messages.findIndex((m) => m.id === readUpToId);
  if (upTo === -1) return null;
  for (let i = upTo; i >= 0; i -= 1) {
    const m = messages[i];
    if (m && m.senderId === myId && !m.deletedAt) return m.id;
  }
  return null;
}
