import { type SQL, sql } from "drizzle-orm";
import { interviewHold } from "./tables.ts";

/**
 * A user's confirmed interview time in a window as a JSON array of [startMs, endMs], for the
 * availability feature's single statement of busy time (the slot search runs it on every step of
 * the interview dialog). `exceptInterview` leaves out the interview being moved.
 */
export const heldIntervalsJson = (
  userId: SQL,
  window: { from: string; to: string; exceptInterview?: string | undefined },
): SQL =>
  sql`(SELECT coalesce(json_agg(json_build_array(
           (extract(epoch FROM h.starts_at) * 1000)::bigint, (extract(epoch FROM h.ends_at) * 1000)::bigint)), '[]'::json)
         FROM ${interviewHold} h WHERE h.user_id = ${userId} AND h.starts_at < ${window.to} AND h.ends_at > ${window.from}
           AND h.interview_id IS DISTINCT FROM ${window.exceptInterview ?? null}::uuid)`;
