import type { QueryClient } from "@tanstack/react-query";
import { callsLiveHandlers } from "../../features/calls/ui/live-calls.ts";
import { messagingLiveHandlers } from "../../features/messaging/ui/live-handlers.ts";
import { notificationsLiveHandlers } from "../../features/notifications/ui/live-handlers.ts";
import { startLive } from "./socket.ts";

/** Each feature's handlers for its live events (the events themselves: common/live-schema.ts). */
const LIVE_HANDLERS = [messagingLiveHandlers, notificationsLiveHandlers, callsLiveHandlers];

/** The signed-in tab's connection with every feature's handlers; loaded on demand by the shell. */
export const connectLive = (queryClient: QueryClient, myId: string) =>
  startLive(queryClient, myId, LIVE_HANDLERS);
