import { z } from "zod";
import { rtcSignalFrameSchema } from "../../features/calls/schema.ts";

/** What a client may send over the socket. Anything else is ignored (and counted). */
export const clientFrameSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("typing"), threadId: z.uuid() }),
  // WebRTC signalling for a video room (an interview's or a contract's), relayed to the other
  // participant as is.
  rtcSignalFrameSchema,
]);
export type ClientFrame = z.infer<typeof clientFrameSchema>;

/** Close codes: 4401 like HTTP 401 (no or an expired session); 1009 comes from ws for oversize. */
export const CLOSE_UNAUTHENTICATED = 4401;
/** More frames than a socket's budget (frame-budget.ts): the standard "policy violation". */
export const CLOSE_POLICY_VIOLATION = 1008;
/** Frames above this close the connection with 1009 (message too big). */
export const MAX_FRAME_BYTES = 64 * 1024;
