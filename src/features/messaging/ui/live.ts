import type { QueryClient } from "@tanstack/react-query";
import { addressOf, type CallRinging, type RoomRef, type RtcRelayed } from "../../calls/schema.ts";
import type { UnreadCounts } from "../schema.ts";
import { createEventCursor, type LiveFrame, parseFrame, reconnectDelay } from "./live-frames.ts";
import { messagesQuery, THREADS_KEY, threadQuery, UNREAD_MESSAGES_KEY } from "./message-api.ts";
import {
  mapThread,
  type ThreadPages,
  upsertMessage,
  withNewMessage,
  withReadPosition,
} from "./message-cache.ts";
import { clearTyping, markTyping } from "./typing.ts";

/** The server's close code for "not signed in": reconnecting would not help. */
const CLOSE_UNAUTHENTICATED = 4401;
/** The server drops typing signals closer than 3 s apart anyway; sending them would be waste. */
const TYPING_EVERY_MS = 3_000;

let current: { send: (frame: unknown) => boolean } | null = null;
const lastTyping = new Map<string, number>();

/** What the video room hears from the live connection: each (re)connect and each signalling step. */
export interface RtcListener {
  ready: () => void;
  signal: (data: RtcRelayed) => void;
}
const rtcListeners = new Set<RtcListener>();
const ringListeners = new Set<(ringing: CallRinging) => void>();
let live = false;

/** Hears the other party of a contract start its call (the ringing banner). */
export function listenRinging(listener: (ringing: CallRinging) => void): () => void {
  ringListeners.add(listener);
  return () => {
    ringListeners.delete(listener);
  };
}

/** Listens for video-room signalling; `ready` runs now when the connection is already open. */
export function listenRtc(listener: RtcListener): () => void {
  rtcListeners.add(listener);
  if (live) listener.ready();
  return () => {
    rtcListeners.delete(listener);
  };
}

/** Sends one signalling step to the room's other participant; false when not connected. */
export function sendRtc(room: RoomRef, signal: unknown): boolean {
  return current?.send({ type: "rtc.signal", ...addressOf(room), signal }) ?? false;
}

/** Tells the others in a thread that the user is typing (at most every 3 s, and only when live). */
export function sendTyping(threadId: string) {
  const now = Date.now();
  if (now - (lastTyping.get(threadId) ?? 0) < TYPING_EVERY_MS) return;
  if (current?.send({ type: "typing", threadId })) lastTyping.set(threadId, now);
}

/**
 * The tab's one live connection: opens /api/ws, puts each event into the query caches, and after a
 * drop reconnects with backoff, resuming after the last event it saw (`?after=`), so nothing is
 * missed and nothing needs polling. Answers a function that closes it for good.
 */
export function startLive(queryClient: QueryClient, myId: string): () => void {
  const cursor = createEventCursor();
  let socket: WebSocket | null = null;
  let attempt = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;

  const url = () => {
    const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
    const after = cursor.last;
    return `${scheme}//${window.location.host}/api/ws${after ? `?after=${after}` : ""}`;
  };

  function connect() {
    clearTimeout(retry);
    if (stopped || socket) return;
    const ws = new WebSocket(url());
    socket = ws;
    ws.addEventListener("message", (event) => {
      if (typeof event.data !== "string") return;
      const frame = parseFrame(event.data);
      if (!frame) return;
      if (frame.type === "ready") {
        attempt = 0;
        live = true;
        for (const listener of rtcListeners) listener.ready();
        return;
      }
      if (frame.type === "rtc.signal") {
        for (const listener of rtcListeners) listener.signal(frame.data);
        return;
      }
      if (frame.type === "call.ringing") {
        for (const listener of ringListeners) listener(frame.data);
        return;
      }
      if ("id" in frame && !cursor.accept(frame.id)) return;
      dispatch(queryClient, myId, frame);
    });
    ws.addEventListener("close", (event) => {
      if (socket !== ws) return;
      socket = null;
      live = false;
      if (stopped || event.code === CLOSE_UNAUTHENTICATED) return;
      // Offline, every try would fail; the "online" event reconnects instead.
      if (!navigator.onLine) return;
      retry = setTimeout(connect, reconnectDelay(attempt));
      attempt += 1;
    });
  }

  // A lost network often leaves a socket that looks open for minutes; the browser knows sooner.
  const onOffline = () => socket?.close();
  const onOnline = () => {
    attempt = 0;
    connect();
  };
  window.addEventListener("offline", onOffline);
  window.addEventListener("online", onOnline);

  current = {
    send(frame) {
      if (socket?.readyState !== WebSocket.OPEN) return false;
      socket.send(JSON.stringify(frame));
      return true;
    },
  };
  connect();

  return () => {
    stopped = true;
    clearTimeout(retry);
    window.removeEventListener("offline", onOffline);
    window.removeEventListener("online", onOnline);
    socket?.close();
    socket = null;
    current = null;
    live = false;
  };
}

/** One event into the caches that show it: the thread's messages, the inbox and the unread counts. */
function dispatch(queryClient: QueryClient, myId: string, frame: Exclude<LiveFrame, { type: "ready" }>) {
  switch (frame.type) {
    case "notification.created":
      // The bell's count and the notifications list both live under this key.
      void queryClient.invalidateQueries({ queryKey: ["notifications"] });
      return;
    case "typing":
      markTyping(frame.data.threadId, frame.data.userId);
      return;
    case "message.created":
    case "message.updated": {
      const { threadId, message } = frame.data;
      queryClient.setQueryData(messagesQuery(threadId).queryKey, (data) => upsertMessage(data, message));
      if (frame.type === "message.created") {
        clearTyping(threadId, message.senderId);
        const list = queryClient.getQueryData<ThreadPages>(THREADS_KEY);
        const next = list && withNewMessage(list, message, myId);
        if (next) queryClient.setQueryData(THREADS_KEY, next);
        else void queryClient.invalidateQueries({ queryKey: THREADS_KEY });
        if (message.senderId !== myId) countUnread(queryClient, threadId, 1);
      } else {
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
      }
      return;
    }
    case "message.read": {
      const { threadId, userId, messageId, readAt } = frame.data;
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
      return;
    }
  }
}

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
