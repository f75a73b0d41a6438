import type { Actor } from "../../server/auth/actor.ts";
import type { Db } from "../../server/db/client.ts";
import { userNames } from "../accounts/people.ts";
import type { LiveEvent } from "../common/shared-schema.ts";
import { createPasses } from "./passes.ts";
import { addressOf, type Room, type RoomKind, type RoomRef, type RtcSignal } from "./schema.ts";

/** What a door check grants a participant: who the other one is, and the room's window if it has one. */
export interface Entry {
  peerId: string;
  polite: boolean;
  jobTitle: string;
  opensAt: Date | null;
  closesAt: Date | null;
}

/**
 * One kind of room's access check: the entry for a participant, or an AppError (404 for anyone
 * else, 409 with a reason while the room cannot be used). Run for every request; for a socket's
 * frames once per room, its answer then kept for a few seconds (see `signaller`).
 */
export type Door = (actor: Actor, id: string) => Promise<Entry>;

export interface RoomsOptions {
  /** STUN/TURN servers from configuration (ICE_SERVERS); none are needed on one host. */
  iceServers: Room["iceServers"];
  /** Each kind's door, from the feature that owns that kind of room (filled once the app is built). */
  doors: Partial<Record<RoomKind, Door>>;
  /** Sends an unstored live event to users' sockets on every instance. */
  deliver: (userIds: string[], event: LiveEvent) => void;
}

/**
 * The 1:1 video rooms. The media flows browser to browser (WebRTC); the server only introduces the
 * two participants over their authenticated sockets. Which two, and when, each kind's door decides
 * (interviews/room.ts, contracts/call.ts); the relay and its ordering are the same for all.
 */
export function createRoomsService(db: Db, options: RoomsOptions) {
  const enter = (actor: Actor, ref: RoomRef) => {
    const door = options.doors[ref.kind];
    // Every kind in RoomKind has a door once the app is built; the app checks that at start.
    if (!door) throw new Error(`no door for ${ref.kind} rooms`);
    return door(actor, ref.id);
  };

  return {
    async room(actor: Actor, ref: RoomRef): Promise<Room> {
      const entry = await enter(actor, ref);
      const names = await userNames(db, [actor.userId, entry.peerId]);
      const common = {
        jobTitle: entry.jobTitle,
        you: { userId: actor.userId, name: names.get(actor.userId) ?? "" },
        peer: { userId: entry.peerId, name: names.get(entry.peerId) ?? "" },
        polite: entry.polite,
        iceServers: options.iceServers,
        opensAt: entry.opensAt?.toISOString() ?? null,
        closesAt: entry.closesAt?.toISOString() ?? null,
      };
      return ref.kind === "contract"
        ? { kind: "contract", contractId: ref.id, ...common }
        : { kind: "interview", interviewId: ref.id, ...common };
    },

    /**
     * The signalling of one socket of the actor's: each frame is relayed to the other participant
     * of the room it names, and to nobody else. The door is asked once per room and its answer,
     * yes or no, kept a few seconds for this socket (passes.ts), so frames cost no database work;
     * frames of one room wait for the one before, so an offer never overtakes the join it follows.
     * `close` it with the socket.
     */
    signaller(actor: Actor) {
      const passes = createPasses((ref) => enter(actor, ref));
      const queues = new Map<string, Promise<void>>();
      return {
        signal(ref: RoomRef, signal: RtcSignal): Promise<void> {
          const key = `${ref.kind}:${ref.id}`;
          const relay = async () => {
            const { peerId } = await passes.enter(ref);
            options.deliver([peerId], {
              type: "rtc.signal",
              data: { ...addressOf(ref), from: actor.userId, signal },
            });
          };
          const next = (queues.get(key) ?? Promise.resolve()).then(relay, relay);
          const tail = next.catch(() => {});
          queues.set(key, tail);
          void tail.then(() => {
            if (queues.get(key) === tail) queues.delete(key);
          });
          return next;
        },
        /** The socket has closed: its answers go (frames already received are still relayed). */
        close: () => passes.close(),
      };
    },
  };
}

export type RoomsService = ReturnType<typeof createRoomsService>;
