import type { WebSocket } from "ws";
import type { RealtimeEvent } from "./broker.ts";

/** A socket whose unsent data passes this is not reading: it is dropped, not buffered further. */
export const MAX_BUFFERED_BYTES = 1024 * 1024;

export interface HubStats {
  /** Events dropped for slow consumers (each drop closes one socket). */
  dropped: number;
  delivered: number;
}

/** The sockets this instance holds, per user (a user may have several tabs and devices). */
export function createHub(stats: HubStats = { dropped: 0, delivered: 0 }) {
  const byUser = new Map<string, Set<WebSocket>>();
  return {
    stats,
    add(userId: string, socket: WebSocket) {
      const sockets = byUser.get(userId) ?? new Set<WebSocket>();
      sockets.add(socket);
      byUser.set(userId, sockets);
    },
    remove(userId: string, socket: WebSocket) {
      const sockets = byUser.get(userId);
      sockets?.delete(socket);
      if (sockets?.size === 0) byUser.delete(userId);
    },
    /** Sends to one socket unless it is not keeping up, in which case it is terminated. */
    sendTo(socket: WebSocket, payload: string) {
      if (socket.readyState !== socket.OPEN) return;
      if (socket.bufferedAmount > MAX_BUFFERED_BYTES) {
        stats.dropped += 1;
        socket.terminate();
        return;
      }
      socket.send(payload);
      stats.delivered += 1;
    },
    /** Delivers an event to the local sockets of these users; serialized once. */
    deliver(userIds: string[], event: RealtimeEvent) {
      let payload: string | undefined;
      for (const userId of userIds) {
        const sockets = byUser.get(userId);
        if (!sockets) continue;
        payload ??= JSON.stringify(event);
        for (const socket of sockets) this.sendTo(socket, payload);
      }
    },
    sockets(): WebSocket[] {
      return [...byUser.values()].flatMap((s) => [...s]);
    },
  };
}

export type Hub = ReturnType<typeof createHub>;
