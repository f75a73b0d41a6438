import { defineFeature } from "../../server/feature.ts";
import type { ContractGate } from "../contracts/gate.ts";
import { unreadMessagesAttention } from "./attention.ts";
import { redisFloodStore } from "./flood.ts";
import { messagingJobs } from "./jobs.ts";
import { messagingNotices } from "./notices.ts";
import { messagingRoutes } from "./routes.ts";
import { createMessagingService, type MessagingService } from "./service.ts";

interface Uses {
  messaging: MessagingService;
  contractGate: ContractGate;
}

export const messagingFeature = defineFeature({
  name: "messaging",
  notices: messagingNotices,
  // Each message change writes its events to the per-user log in its own transaction, then sends
  // them through the broker to the recipients' sockets on every instance.
  services: ({ db, storage, eventLog, deliver, config, redis, testing }) => ({
    messaging: createMessagingService(db, storage, {
      log: eventLog,
      deliver,
      flood: { max: config.messagesPerMinute, windowMs: 60_000 },
      // Behind a load balancer a user's sends land on several instances: count them in one place.
      ...(redis ? { floodStore: redisFloodStore(redis) } : {}),
      ...testing.messaging,
    }),
  }),
  routes: (s: Uses) => [messagingRoutes(s.messaging, s.contractGate)],
  contribute: (_s, { db }) => ({ attention: [unreadMessagesAttention(db)] }),
  // Typing is throttled per user and thread before it reads the thread.
  frames: ({ messaging }: Uses) => ({
    typing: (actor) => ({ frame: (frame) => messaging.typing(actor, frame.threadId) }),
  }),
  jobs: messagingJobs,
});
