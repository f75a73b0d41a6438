import { z } from "zod";

/** One step of a WebRTC handshake (perfect negotiation): join/leave, an SDP description or an ICE candidate. */
export const rtcSignalSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("join") }),
  z.object({ kind: z.literal("leave") }),
  z.object({
    kind: z.literal("description"),
    description: z.object({
      type: z.enum(["offer", "answer", "pranswer", "rollback"]),
      sdp: z.string().max(60_000).optional(),
    }),
  }),
  z.object({
    kind: z.literal("candidate"),
    candidate: z
      .object({
        candidate: z.string().max(2_000).optional(),
        sdpMid: z.string().max(100).nullable().optional(),
        sdpMLineIndex: z.number().int().nullable().optional(),
        usernameFragment: z.string().max(200).nullable().optional(),
      })
      .nullable(),
  }),
]);
export type RtcSignal = z.infer<typeof rtcSignalSchema>;

/** What a client may send over the socket. Anything else is ignored (and counted). */
export const clientFrameSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("typing"), threadId: z.uuid() }),
  // WebRTC signalling for an interview's video room, relayed to the other participant as is.
  z.object({ type: z.literal("rtc.signal"), interviewId: z.uuid(), signal: rtcSignalSchema }),
]);
export type ClientFrame = z.infer<typeof clientFrameSchema>;

/** Close codes: 4401 like HTTP 401 (no or an expired session); 1009 comes from ws for oversize. */
export const CLOSE_UNAUTHENTICATED = 4401;
/** Frames above this close the connection with 1009 (message too big). */
export const MAX_FRAME_BYTES = 64 * 1024;
