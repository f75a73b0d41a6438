import { eq } from "drizzle-orm";
import type { Actor } from "../../server/auth/actor.ts";
import type { Db } from "../../server/db/client.ts";
import { AppError } from "../../server/errors.ts";
import { user } from "../accounts/tables.ts";
import { bid } from "../bids/tables.ts";
import { job } from "../jobs/tables.ts";
import { ROOM_CLOSES_AFTER_MS, type Room, type RtcSignal } from "./schema.ts";
import { interview } from "./tables.ts";

export interface RoomOptions {
  /** STUN/TURN servers from configuration (ICE_SERVERS); none are needed on one host. */
  iceServers: Room["iceServers"];
  opensBeforeMinutes: number;
  /** Sends an unstored live event to users' sockets on every instance. */
  deliver: (userIds: string[], event: { type: string; data: unknown }) => void;
  now?: () => Date;
}

/**
 * The 1:1 video room of a confirmed interview. The media flows browser to browser (WebRTC); the
 * server only introduces the two over their authenticated sockets, and only the interview's two
 * participants, from shortly before the start (ROOM_OPENS_BEFORE_MINUTES, 10 by default) until
 * half an hour after the planned end.
 */
export function createRoomService(db: Db, options: RoomOptions) {
  const now = () => (options.now ? options.now() : new Date());
  // Each frame is checked against the database before it is relayed; frames of one sender in one
  // room wait for the one before, so an offer never overtakes the join it follows.
  const queues = new Map<string, Promise<void>>();

  async function access(actor: Actor, interviewId: string) {
    const [row] = await db
      .select({ i: interview, title: job.title })
      .from(interview)
      .innerJoin(bid, eq(bid.id, interview.bidId))
      .innerJoin(job, eq(job.id, bid.jobId))
      .where(eq(interview.id, interviewId));
    const i = row?.i;
    if (!row || !i || (i.clientId !== actor.userId && i.assistantId !== actor.userId))
      throw new AppError("not_found");
    if (i.status !== "confirmed" || !i.startsAt || !i.endsAt)
      throw new AppError("conflict", {
        reason: "interview.room_unavailable",
        detail: "The interview is not confirmed.",
      });
    if (i.meetingUrl)
      throw new AppError("conflict", {
        reason: "interview.external_meeting",
        detail: "This interview uses an external link.",
      });
    const opensAt = new Date(i.startsAt.getTime() - options.opensBeforeMinutes * 60_000);
    const closesAt = new Date(i.endsAt.getTime() + ROOM_CLOSES_AFTER_MS);
    const t = now().getTime();
    if (t < opensAt.getTime())
      throw new AppError("conflict", {
        reason: "interview.room_not_open",
        detail: `The room opens at ${opensAt.toISOString()}.`,
      });
    if (t > closesAt.getTime())
      throw new AppError("conflict", { reason: "interview.room_closed", detail: "The interview is over." });
    const peerId = actor.userId === i.clientId ? i.assistantId : i.clientId;
    return { i, title: row.title, peerId, opensAt, closesAt };
  }

  return {
    async room(actor: Actor, interviewId: string): Promise<Room> {
      const { i, title, peerId, opensAt, closesAt } = await access(actor, interviewId);
      const names = new Map(
        (
          await db
            .select({ id: user.id, name: user.name })
            .from(user)
            .where(eq(user.id, actor.userId))
            .union(db.select({ id: user.id, name: user.name }).from(user).where(eq(user.id, peerId)))
        ).map((u) => [u.id, u.name]),
      );
      return {
        interviewId,
        jobTitle: title,
        you: { userId: actor.userId, name: names.get(actor.userId) ?? "" },
        peer: { userId: peerId, name: names.get(peerId) ?? "" },
        polite: actor.userId === i.assistantId,
        iceServers: options.iceServers,
        opensAt: opensAt.toISOString(),
        closesAt: closesAt.toISOString(),
      };
    },

    /** Relays one signalling step to the other participant; anyone else's frames are dropped. */
    signal(actor: Actor, interviewId: string, signal: RtcSignal): Promise<void> {
      const key = `${actor.userId}:${interviewId}`;
      const relay = async () => {
        const { peerId } = await access(actor, interviewId);
        options.deliver([peerId], { type: "rtc.signal", data: { interviewId, from: actor.userId, signal } });
      };
      const next = (queues.get(key) ?? Promise.resolve()).then(relay, relay);
      const tail = next.catch(() => {});
      queues.set(key, tail);
      void tail.then(() => {
        if (queues.get(key) === tail) queues.delete(key);
      });
      return next;
    },
  };
}

export type RoomService = ReturnType<typeof createRoomService>;
