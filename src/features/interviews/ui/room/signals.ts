import { z } from "zod";

// The signalling steps of the video room as the server relays them (server/realtime/frames.ts),
// checked again here: a drifted or odd frame is dropped instead of reaching the peer connection.
const signalSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("join") }),
  z.object({ kind: z.literal("leave") }),
  z.object({
    kind: z.literal("description"),
    description: z.object({
      type: z.enum(["offer", "answer", "pranswer", "rollback"]),
      sdp: z.string().optional(),
    }),
  }),
  z.object({
    kind: z.literal("candidate"),
    candidate: z
      .object({
        candidate: z.string().optional(),
        sdpMid: z.string().nullable().optional(),
        sdpMLineIndex: z.number().nullable().optional(),
        usernameFragment: z.string().nullable().optional(),
      })
      .nullable(),
  }),
]);
export type Signal = z.infer<typeof signalSchema>;

export function parseSignal(value: unknown): Signal | null {
  const parsed = signalSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
