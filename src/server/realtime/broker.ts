import { EventEmitter } from "node:events";

/** What reaches a user's sockets: typed, and with an id when it was stored (for resuming). */
export interface RealtimeEvent {
  /** The stored event's id (a decimal string); absent for ephemeral events such as typing. */
  id?: string;
  type: string;
  data: unknown;
}

export type BrokerListener = (userIds: string[], event: RealtimeEvent) => void;

/**
 * Fans events out to every server instance; each delivers to the sockets it holds. In-process by
 * default, Redis pub/sub when REDIS_URL is set (redis-broker.ts).
 */
export interface Broker {
  publish(userIds: string[], event: RealtimeEvent): Promise<void>;
  subscribe(listener: BrokerListener): () => void;
  close(): Promise<void>;
}

export function inProcessBroker(): Broker {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    async publish(userIds, event) {
      emitter.emit("event", userIds, event);
    },
    subscribe(listener) {
      emitter.on("event", listener);
      return () => emitter.off("event", listener);
    },
    async close() {
      emitter.removeAllListeners();
    },
  };
}
