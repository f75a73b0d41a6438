import { z } from "zod";

// A video call is a 1:1 WebRTC room with two doors: a confirmed interview's (around its time) and
// an active contract's (any time). The shapes below are the same for both and shared by the
// server (routes, socket frames) and the browser (room page, live connection).

export const ROOM_KINDS = ["interview", "contract"] as const;
export type RoomKind = (typeof ROOM_KINDS)[number];

/** A room inside the server: what it belongs to and that thing's id. */
export interface RoomRef {
  kind: RoomKind;
  id: string;
}

/**
 * How a frame names its room on the wire: exactly one of `interviewId` or `contractId` (frames
 * from before contract calls carry `interviewId` and still mean the same room).
 */
const roomAddressShape = { interviewId: z.uuid().optional(), contractId: z.uuid().optional() };
type RoomAddress = { interviewId?: string | undefined; contractId?: string | undefined };
const oneRoom = (a: RoomAddress) => (a.interviewId === undefined) !== (a.contractId === undefined);
const ONE_ROOM = { message: "exactly one of interviewId and contractId" };

export const refOf = (a: RoomAddress): RoomRef =>
  a.contractId !== undefined
    ? { kind: "contract", id: a.contractId }
    : { kind: "interview", id: a.interviewId ?? "" };
export const addressOf = (ref: RoomRef) =>
  ref.kind === "contract" ? { contractId: ref.id } : { interviewId: ref.id };

export const iceServerSchema = z.object({
  urls: z.union([z.string(), z.array(z.string())]),
  username: z.string().optional(),
  credential: z.string().optional(),
});

const roomFields = {
  jobTitle: z.string(),
  you: z.object({ userId: z.string(), name: z.string() }),
  peer: z.object({ userId: z.string(), name: z.string() }),
  /** Perfect negotiation: the polite peer yields when both offer at once (the assistant). */
  polite: z.boolean(),
  iceServers: z.array(iceServerSchema),
  /** The interview room's window; null for a contract's call, which is open while the contract is. */
  opensAt: z.iso.datetime().nullable(),
  closesAt: z.iso.datetime().nullable(),
};

/** What a participant needs to join a call: an interview's room or a contract's call. */
export const roomSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("interview"), interviewId: z.uuid(), ...roomFields }),
  z.object({ kind: z.literal("contract"), contractId: z.uuid(), ...roomFields }),
]);
export type Room = z.infer<typeof roomSchema>;
export const roomRefOf = (room: Room): RoomRef =>
  room.kind === "contract"
    ? { kind: "contract", id: room.contractId }
    : { kind: "interview", id: room.interviewId };

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

/** The browser's signalling frame on /api/ws, relayed to the room's other participant. */
export const rtcSignalFrameSchema = z
  .object({ type: z.literal("rtc.signal"), ...roomAddressShape, signal: rtcSignalSchema })
  .refine(oneRoom, ONE_ROOM);

/** The relayed step as the other participant receives it (the signal is checked by the room). */
export const rtcRelayedSchema = z
  .object({ ...roomAddressShape, from: z.string(), signal: z.unknown() })
  .refine(oneRoom, ONE_ROOM);
export type RtcRelayed = z.infer<typeof rtcRelayedSchema>;

/** Live, unstored: the other party of a contract has started its call and waits. */
export const callRingingSchema = z.object({
  contractId: z.uuid(),
  callerId: z.string(),
  callerName: z.string(),
  jobTitle: z.string(),
});
export type CallRinging = z.infer<typeof callRingingSchema>;

// What this feature sends on the live channel (the map: common/shared-schema.ts), neither stored
// nor replayed: a room's signalling step from the other participant (the signal itself is checked
// by the room, calls/ui/signals.ts) and the other party of a contract starting its call.
export const callsLiveEvents = {
  "rtc.signal": rtcRelayedSchema,
  "call.ringing": callRingingSchema,
};
