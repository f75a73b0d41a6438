import type { QueryClient } from "@tanstack/react-query";
import { WEB_FEATURES } from "../features.ts";
import type { WebFeature } from "../routes/web-feature.ts";
import { startLive } from "./socket.ts";

/**
 * The signed-in tab's connection with every feature's handlers for its live events (the events
 * themselves: common/shared-schema.ts); loaded on demand by the shell, with the handlers.
 */
export async function connectLive(queryClient: QueryClient, myId: string) {
  const handlers = await Promise.all(WEB_FEATURES.flatMap((f: WebFeature) => (f.live ? [f.live()] : [])));
  return startLive(queryClient, myId, handlers);
}
