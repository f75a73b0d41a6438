import { Redis } from "ioredis";
import type { Broker, BrokerListener, RealtimeEvent } from "./broker.ts";

/** One Redis message per batch: every event published in one turn of the event loop. */
const CHANNEL = "assista:realtime:batch";
/** The channel of one event per Redis message, which instances before batching publish on. */
const SINGLE_CHANNEL = "assista:realtime";

interface Published {
  userIds: string[];
  event: RealtimeEvent;
}

/**
 * Redis pub/sub between instances. A subscribed Redis connection can do nothing else, so
 * publishing uses a second one. Messages published while an instance is disconnected are not
 * replayed by Redis: clients resume from the stored events by id instead.
 *
 * Events published in one turn of the event loop go out as one Redis message: a statement of the
 * message writer stores up to a hundred messages at once, and their events (one per recipient)
 * were as many PUBLISHes, each read, parsed and dispatched by every instance. At 1,000 messages a
 * second that was 2,000 Redis messages a second into each instance; batched it is the number of
 * statements. Order is kept: a batch holds its events in publishing order, and batches leave one
 * connection in order. Events from instances that publish one at a time (a rolling upgrade) are
 * still received on their channel.
 */
export async function redisBroker(url: string, onError: (error: unknown) => void): Promise<Broker> {
  const pub = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 3 });
  const sub = new Redis(url, { lazyConnect: true });
  for (const connection of [pub, sub]) connection.on("error", onError);
  await Promise.all([pub.connect(), sub.connect()]);
  const listeners = new Set<BrokerListener>();
  const dispatch = ({ userIds, event }: Published) => {
    for (const listener of listeners) listener(userIds, event);
  };
  sub.on("message", (channel: string, raw: string) => {
    let received: Published[] | Published;
    try {
      received = JSON.parse(raw);
    } catch (error) {
      onError(error);
      return;
    }
    if (channel === SINGLE_CHANNEL) dispatch(received as Published);
    else for (const one of received as Published[]) dispatch(one);
  });
  await sub.subscribe(CHANNEL, SINGLE_CHANNEL);

  let pending: { batch: Published[]; sent: Promise<void> } | undefined;
  return {
    publish(userIds, event) {
      if (!pending) {
        const batch: Published[] = [];
        // After every continuation that the same answer resumed (a statement's messages) has published.
        const sent = new Promise<void>((resolve, reject) =>
          setImmediate(() => {
            pending = undefined;
            pub.publish(CHANNEL, JSON.stringify(batch)).then(() => resolve(), reject);
          }),
        );
        pending = { batch, sent };
      }
      pending.batch.push({ userIds, event });
      return pending.sent;
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
