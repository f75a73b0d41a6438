import { and, eq, inArray, isNotNull } from "drizzle-orm";
import type { Tx } from "../../server/db/client.ts";
import { jobOverlapOf, jobStartOf } from "../jobs/reads.ts";
import { profileTimeZoneOf, type WorkingHours, weeklyHoursOf } from "../profiles/reads.ts";
import { overlapMinutesPerDay } from "./overlap.ts";
import type { BidStatus } from "./schema.ts";
import { bid } from "./tables.ts";

/** What of a job the overlap depends on (jobs/tables.ts `overlap` and `start_date`). */
interface JobTerms {
  overlap: { hours: number; timeZone: string; from: string; to: string } | null;
  startDate: string;
}

/** Bids the client may still act on: their overlap figure is what the review sorts by. */
const LIVE: BidStatus[] = ["submitted", "shortlisted", "offered"];

/** The week the overlap is judged in: the job's start, or this week once it has started. */
function weekOf(startDate: string, now = new Date()): Date {
  const start = new Date(`${startDate}T12:00:00Z`);
  return start > now ? start : now;
}

/** The bid's overlap figure, or null when the job wants none or the assistant gave no hours. */
export function bidOverlap(j: JobTerms, profile: WorkingHours | undefined | null): number | null {
  if (!j.overlap || !profile || profile.weeklyHours.length === 0) return null;
  return overlapMinutesPerDay(profile.weeklyHours, profile.timeZone, j.overlap, weekOf(j.startDate));
}

async function store(tx: Tx, figures: { id: string; overlapMinutes: number | null }[]) {
  for (const f of figures) {
    await tx.update(bid).set({ overlapMinutes: f.overlapMinutes }).where(eq(bid.id, f.id));
  }
}

/**
 * After an assistant changes their hours or zone (the saved hours, from the caller): the live
 * bids on jobs that want an overlap.
 */
export async function syncAssistantOverlaps(tx: Tx, assistantId: string, hours: WorkingHours) {
  const rows = await tx
    .select({ id: bid.id, overlap: jobOverlapOf(bid.jobId), startDate: jobStartOf(bid.jobId) })
    .from(bid)
    .where(
      and(eq(bid.assistantId, assistantId), inArray(bid.status, LIVE), isNotNull(jobOverlapOf(bid.jobId))),
    );
  await store(
    tx,
    rows.map((r) => ({ id: r.id, overlapMinutes: bidOverlap(r, hours) })),
  );
}

/** After a client changes the window (or start date) a job wants (the saved terms): all its live bids. */
export async function syncJobOverlaps(tx: Tx, jobId: string, terms: JobTerms) {
  const rows = await tx
    .select({
      id: bid.id,
      weeklyHours: weeklyHoursOf(bid.assistantId),
      timeZone: profileTimeZoneOf(bid.assistantId),
    })
    .from(bid)
    .where(and(eq(bid.jobId, jobId), inArray(bid.status, LIVE)));
  await store(
    tx,
    rows.map(({ id, weeklyHours, timeZone }) => ({
      id,
      overlapMinutes: bidOverlap(terms, weeklyHours && timeZone ? { weeklyHours, timeZone } : null),
    })),
  );
}
