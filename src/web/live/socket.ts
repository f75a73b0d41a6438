import type { QueryClient } from "@tanstack/react-query";
import type { ClientFrame, LiveEventType, LiveFrameOf } from "../../features/common/shared-schema.ts";
import { createEventCursor, parseFrame, reconnectDelay } from "./frames.ts";

/** The server's close code for "not signed in": reconnecting would not help. */
const CLOSE_UNAUTHENTICATED = 4401;

/** What a handler may touch: the tab's caches and who is signed in. */
export interface LiveContext {
  queryClient: QueryClient;
  myId: string;
}

/**
 * One feature's handlers, by event name; each gets its frame already parsed by the event's schema.
 * `connected` runs once, on the tab's first connect: that one replays nothing (the tab has no
 * position yet), so what changed between the page's load and the socket's opening is fetched again
 * there. Later reconnects resume from the last event seen and need no refetch.
 */
export type LiveHandlers = {
  [K in LiveEventType]?: (frame: LiveFrameOf<K>, context: LiveContext) => void;
} & { connected?: (context: LiveContext) => void };

let current: { send: (frame: ClientFrame) => boolean } | null = null;
let live = false;
const readyListeners = new Set<() => void>();

/** Runs on each (re)connect, and now when the connection is already open; answers how to stop. */
export function onLiveReady(listener: () => void): () => void {
  readyListeners.add(listener);
  if (live) listener();
  return () => {
    readyListeners.delete(listener);
  };
}

/** Sends one frame to the server; false when the tab is not connected. */
export function sendFrame(frame: ClientFrame): boolean {
  return current?.send(frame) ?? false;
}

/**
 * The tab's one live connection: opens /api/ws, hands each event to the handlers the features
 * registered for its name, and after a drop reconnects with backoff, resuming from the watermark
 * the server named (`?after=`), so nothing is missed and nothing needs polling. Answers a function that
 * closes it for good.
 */
export function startLive(
  queryClient: QueryClient,
  myId: string,
  handlers: readonly LiveHandlers[],
): () => void {
  const context: LiveContext = { queryClient, myId };
  const cursor = createEventCursor();
  let socket: WebSocket | null = null;
  let attempt = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  let everConnected = false;

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
        cursor.resumeFrom(frame.after);
        attempt = 0;
        live = true;
        if (!everConnected) for (const set of handlers) set.connected?.(context);
        everConnected = true;
        for (const listener of readyListeners) listener();
        return;
      }
      if (!cursor.accept(frame.id)) return;
      for (const set of handlers) {
        // The map ties each name to its frame's type; TypeScript cannot follow it through the loop.
        (set[frame.type] as ((f: typeof frame, c: LiveContext) => void) | undefined)?.(frame, context);
      }
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
