import { eq } from "drizzle-orm";
import type { Db } from "../../server/db/client.ts";
import { AppError } from "../../server/errors.ts";
import { bidJobOf } from "../bids/reads.ts";
import type { Door } from "../calls/rooms.ts";
import { jobTitleOf } from "../jobs/reads.ts";
import { ROOM_CLOSES_AFTER_MS } from "./schema.ts";
import { interview } from "./tables.ts";

export interface InterviewDoorOptions {
  opensBeforeMinutes: number;
  now?: () => Date;
}

/**
 * Who enters a confirmed interview's video room, and when: only its two participants, from shortly
 * before the start (ROOM_OPENS_BEFORE_MINUTES, 10 by default) until half an hour after the
 * planned end. The room itself (relay, ordering) is calls/rooms.ts.
 */
export function interviewDoor(db: Db, options: InterviewDoorOptions): Door {
  const now = () => (options.now ? options.now() : new Date());
  return async (actor, interviewId) => {
    const [row] = await db
      .select({ i: interview, title: jobTitleOf(bidJobOf(interview.bidId)) })
      .from(interview)
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
        availableAt: opensAt,
      });
    if (t > closesAt.getTime())
      throw new AppError("conflict", { reason: "interview.room_closed", detail: "The interview is over." });
    const client = actor.userId === i.clientId;
    return {
      peerId: client ? i.assistantId : i.clientId,
      polite: !client,
      jobTitle: row.title,
      opensAt,
      closesAt,
    };
  };
}
