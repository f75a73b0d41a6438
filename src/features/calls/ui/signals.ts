import { type RtcSignal, rtcSignalSchema } from "../schema.ts";

// The signalling steps of the video room as the server relays them, checked again here with the
// same schema: a drifted or odd frame is dropped instead of reaching the peer connection.
export type Signal = RtcSignal;

export function parseSignal(value: unknown): Signal | null {
  const parsed = rtcSignalSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
