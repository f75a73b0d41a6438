import { describe, expect, it } from "vitest";
import type { Message, Thread } from "../schema.ts";
import {
  laterOf,
  type MessagePages,
  oldestFirst,
  readReceiptFor,
  type ThreadPages,
  upsertMessage,
  withNewMessage,
} from "./message-cache.ts";

const THREAD = "0b7c2f4e-3a1d-4c5e-9f10-2a3b4c5d6e7f";
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, "0")}`;

function message(n: number, senderId = "me", extra: Partial<Message> = {}): Message {
  return {
    id: id(n),
    threadId: THREAD,
    senderId,
    body: `Nachricht ${n}`,
    attachment: null,
    flaggedContact: false,
    contactKinds: [],
    editedAt: null,
    deletedAt: null,
    createdAt: `2026-11-27T10:${String(n).padStart(2, "0")}:00.000Z`,
    ...extra,
  };
}

/** Pages as the server sends them: newest first. */
const pages = (...lists: [Message[], string | null][]): MessagePages => ({
  pages: lists.map(([items, nextCursor]) => ({ items, nextCursor })),
  pageParams: lists.map(() => undefined),
});
const ids = (data: MessagePages | undefined) => oldestFirst(data).map((m) => m.id);

describe("live messages into the cached pages", () => {
  it("puts a new message at the bottom, once, however often it arrives", () => {
    const data = pages([[message(2), message(1)], null]);
    const once = upsertMessage(data, message(3, "other"));
    const twice = upsertMessage(once, message(3, "other"));
    expect(ids(twice)).toEqual([id(1), id(2), id(3)]);
  });

  it("places a late arrival by its time", () => {
    const data = pages([[message(5), message(3)], null]);
    expect(ids(upsertMessage(data, message(4)))).toEqual([id(3), id(4), id(5)]);
  });

  it("leaves a message older than the loaded pages to scrolling up", () => {
    const data = pages([[message(5), message(4)], "cursor"]);
    expect(upsertMessage(data, message(1))).toBe(data);
  });

  it("replaces an edited message in place, on any page", () => {
    const data = pages([[message(4), message(3)], "c"], [[message(2), message(1)], null]);
    const edited = message(1, "me", { body: "neu", editedAt: "2026-11-27T10:05:00.000Z" });
    const after = oldestFirst(upsertMessage(data, edited));
    expect(after.map((m) => m.body)).toEqual(["neu", "Nachricht 2", "Nachricht 3", "Nachricht 4"]);
  });

  it("never brings a tombstone back, and keeps the later edit", () => {
    const deleted = message(1, "me", { body: "", deletedAt: "2026-11-27T10:09:00.000Z" });
    expect(laterOf(deleted, message(1))).toBe(deleted);
    expect(laterOf(message(1), deleted)).toBe(deleted);
    const first = message(1, "me", { editedAt: "2026-11-27T10:02:00.000Z", body: "a" });
    const second = message(1, "me", { editedAt: "2026-11-27T10:03:00.000Z", body: "b" });
    expect(laterOf(second, first)).toBe(second);
    expect(laterOf(first, second)).toBe(second);
  });

  it("does nothing to a thread that was never loaded", () => {
    expect(upsertMessage(undefined, message(1))).toBeUndefined();
  });
});

function thread(n: number, unread = 0): Thread {
  return {
    id: id(100 + n),
    kind: "bid",
    bidId: id(200 + n),
    contractId: null,
    jobId: id(300 + n),
    jobTitle: `Auftrag ${n}`,
    participants: [],
    lastMessage: null,
    lastActivityAt: "2026-11-27T09:00:00.000Z",
    unread,
    contactCheck: true,
    createdAt: "2026-11-27T09:00:00.000Z",
  };
}

describe("the inbox after a message", () => {
  it("moves the thread to the top with the preview, counting messages from others only", () => {
    const list: ThreadPages = {
      pages: [{ items: [thread(1), thread(2, 1)], nextCursor: null }],
      pageParams: [undefined],
    };
    const incoming = { ...message(7, "other"), threadId: id(102) };
    const next = withNewMessage(list, incoming, "me");
    expect(next?.pages[0]?.items.map((t) => [t.id, t.unread])).toEqual([
      [id(102), 2],
      [id(101), 0],
    ]);
    expect(next?.pages[0]?.items[0]?.lastMessage?.id).toBe(id(7));
    const own = withNewMessage(list, { ...message(8), threadId: id(101) }, "me");
    expect(own?.pages[0]?.items[0]).toMatchObject({ id: id(101), unread: 0 });
  });

  it("answers undefined for a thread not in the list, which must then be fetched", () => {
    const list: ThreadPages = { pages: [{ items: [thread(1)], nextCursor: null }], pageParams: [undefined] };
    expect(withNewMessage(list, { ...message(1), threadId: id(999) }, "me")).toBeUndefined();
  });
});

describe("the read receipt", () => {
  const list = [message(1, "me"), message(2, "other"), message(3, "me"), message(4, "me")];

  it("shows under the newest own message the other side has read", () => {
    expect(readReceiptFor(list, "me", id(3))).toBe(id(3));
    expect(readReceiptFor(list, "me", id(4))).toBe(id(4));
    expect(readReceiptFor(list, "me", id(2))).toBe(id(1));
  });

  it("shows nowhere when nothing (loaded) was read", () => {
    expect(readReceiptFor(list, "me", null)).toBeNull();
    expect(readReceiptFor(list, "me", id(99))).toBeNull();
    expect(readReceiptFor([message(1, "other")], "me", id(1))).toBeNull();
  });
});
