import { Redis } from "ioredis";
import type { Broker, BrokerListener, RealtimeEvent } from "./broker.ts";

const CHANNEL = "assista:realtime";

/**
 * Redis pub/sub between instances. A subscribed Redis connection can do nothing else, so
 * publishing uses a second one. Messages published while an instance is disconnected are not
 * replayed by Redis: clients resume from the stored events by id instead.
 */
export async function redisBroker(url: string, onError: (error: unknown) => void): Promise<Broker> {
  // Publishes issued in the same tick (a message's recipients, a burst) go out as one write.
  const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3, enableAutoPipelining: true });
  const sub = new Redis(url, { lazyConnect: true });
  for (const connection of [pub, sub]) connection.on("error", onError);
  await Promise.all([pub.connect(), sub.connect()]);
  const listeners = new Set<BrokerListener>();
  sub.on("message", (_channel: string, raw: string) => {
    let message: { userIds: string[]; event: RealtimeEvent };
    try {
      message = JSON.parse(raw);
    } catch (error) {
      onError(error);
      return;
    }
    for (const listener of listeners) listener(message.userIds, message.event);
  });
  await sub.subscribe(CHANNEL);
  return {
    async publish(userIds, event) {
      await pub.publish(CHANNEL, JSON.stringify({ userIds, event }));
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async close() {
      listeners.clear();
      sub.disconnect();
      pub.disconnect();
    },
  };
}
