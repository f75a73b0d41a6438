import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Tx } from "../../server/db/client.ts";
import { job } from "../jobs/tables.ts";
import { assistantProfile } from "../profiles/tables.ts";
import { overlapMinutesPerDay } from "./overlap.ts";
import type { BidStatus } from "./schema.ts";
import { bid } from "./tables.ts";

type Profile = Pick<typeof assistantProfile.$inferSelect, "weeklyHours" | "timeZone">;
type JobTerms = Pick<typeof job.$inferSelect, "overlap" | "startDate">;

/** Bids the client may still act on: their overlap figure is what the review sorts by. */
const LIVE: BidStatus[] = ["submitted", "shortlisted", "offered"];

/** The week the overlap is judged in: the job's start, or this week once it has started. */
function weekOf(startDate: string, now = new Date()): Date {
  const start = new Date(`${startDate}T12:00:00Z`);
  return start > now ? start : now;
}

/** The bid's overlap figure, or null when the job wants none or the assistant gave no hours. */
export function bidOverlap(j: JobTerms, profile: Profile | undefined | null): number | null {
  if (!j.overlap || !profile || profile.weeklyHours.length === 0) return null;
  return overlapMinutesPerDay(profile.weeklyHours, profile.timeZone, j.overlap, weekOf(j.startDate));
}

async function recompute(db: Tx, where: ReturnType<typeof and>) {
  const rows = await db
    .select({ id: bid.id, overlap: job.overlap, startDate: job.startDate, profile: assistantProfile })
    .from(bid)
    .innerJoin(job, eq(job.id, bid.jobId))
    .leftJoin(assistantProfile, eq(assistantProfile.userId, bid.assistantId))
    .where(and(inArray(bid.status, LIVE), where));
  for (const r of rows) {
    await db
      .update(bid)
      .set({ overlapMinutes: bidOverlap(r, r.profile) })
      .where(eq(bid.id, r.id));
  }
}

/** After an assistant changes their hours or zone: the live bids on jobs that want an overlap. */
export const syncAssistantOverlaps = (db: Tx, assistantId: string) =>
  recompute(db, and(eq(bid.assistantId, assistantId), isNotNull(job.overlap)));

/** After a client changes the window (or start date) a job wants: all its live bids. */
export const syncJobOverlaps = (db: Tx, jobId: string) => recompute(db, eq(bid.jobId, jobId));
