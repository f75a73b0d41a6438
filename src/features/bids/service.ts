import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, gt, gte, lt, lte, or, type SQL, sql } from "drizzle-orm";
import type { Actor } from "../../server/auth/actor.ts";
import { decodeCursor, encodeCursor, olderThan, pageOf } from "../../server/cursor.ts";
import type { Db } from "../../server/db/client.ts";
import { AppError } from "../../server/errors.ts";
import { formatMinor } from "../../server/money.ts";
import { userNameOf } from "../accounts/people.ts";
import { type JobRow, jobRows, jobTitleOf } from "../jobs/reads.ts";
import type { JobsService } from "../jobs/service.ts";
import type { Notifier } from "../notifications/service.ts";
import { profileHoursOf, yearsExperienceOf } from "../profiles/reads.ts";
import { attachedSamples, attachSamplesSql, replaceAttachedSamples } from "../samples/attachments.ts";
import type { SamplesService } from "../samples/service.ts";
import { bidOverlap } from "./overlap-sync.ts";
import { canViewBid, requireAssistant } from "./policy.ts";
import type { Bid, BidAction, BidSort, BidStatus, CreateBidInput, UpdateBidInput } from "./schema.ts";
import { bid } from "./tables.ts";
import { EDITABLE_BID_STATUSES, nextBidStatus } from "./transitions.ts";

type BidRow = typeof bid.$inferSelect;

/**
 * What each review sort orders by. Unknown experience or overlap sorts as -1, below every real
 * figure, so bids without a profile come last when the best are asked for first.
 */
const SORT_KEYS: Record<BidSort, SQL> = {
  submitted: sql`${bid.createdAt}`,
  rate: sql`${bid.rateMinor}`,
  experience: sql<number>`coalesce(${bid.yearsExperience}, -1)`,
  overlap: sql<number>`coalesce(${bid.overlapMinutes}, -1)`,
} as const;

/** The years of experience are shown in the client's review list only (listForJob). */
export const toBid = (
  { yearsExperience, ...row }: BidRow,
  sampleIds: string[],
  assistantName?: string,
): Bid => ({
  ...row,
  sampleIds,
  status: row.status,
  createdAt: row.createdAt.toISOString(),
  updatedAt: row.updatedAt.toISOString(),
  ...(assistantName !== undefined ? { assistantName } : {}),
});

const UNIQUE_VIOLATION = "23505";
const isUniqueViolation = (error: unknown) =>
  (error as { code?: string }).code === UNIQUE_VIOLATION ||
  (error as { cause?: { code?: string } }).cause?.code === UNIQUE_VIOLATION;

/** The rules a bid's terms must meet for this job: open, before the deadline, at most the maximum. */
export function checkBidTerms(j: JobRow, input: Partial<CreateBidInput>, now = new Date()) {
  if (j.status !== "open")
    throw new AppError("conflict", { reason: "bid.job_not_open", detail: "This job takes no bids." });
  if (j.bidDeadline.getTime() <= now.getTime()) {
    throw new AppError("conflict", { reason: "bid.deadline_passed", detail: "The bid deadline has passed." });
  }
  if (input.rateMinor !== undefined && input.rateMinor > j.maxRateMinor) {
    const max = formatMinor(j.maxRateMinor, j.currency);
    throw new AppError("unprocessable", {
      reason: "bid.rate_above_maximum",
      detail: `The rate is above this job's maximum of ${max}.`,
      errors: [{ field: "rateMinor", code: "rate_above_maximum", message: `At most ${max}` }],
    });
  }
  const questions = j.screeningQuestions.length;
  if (input.answers !== undefined && input.answers.length !== questions) {
    throw new AppError("validation_failed", {
      errors: [
        { field: "answers", code: "answers_count", message: `Answer each of the ${questions} questions.` },
      ],
    });
  }
}

/** A bid with its job, for its assistant or the job's client; anyone else gets 404. */
export async function loadVisibleBid(db: Db, actor: Actor, bidId: string) {
  const jobs = jobRows(db);
  const [row] = await db
    .select({ bid, job: jobs.row })
    .from(bid)
    .innerJoin(jobs.from, eq(jobs.from.id, bid.jobId))
    .where(eq(bid.id, bidId));
  if (!row || !canViewBid(actor, row.bid, row.job)) throw new AppError("not_found");
  return row;
}

export function createBidsService(db: Db, jobs: JobsService, samples: SamplesService, notifier: Notifier) {
  /** Samples attached to a bid must be the assistant's own: someone else's id is refused by name. */
  async function requireOwnSamples(actor: Actor, sampleIds: string[]) {
    const owned = await samples.ownedIds(actor, sampleIds);
    const foreign = sampleIds.findIndex((id) => !owned.has(id));
    if (foreign >= 0) {
      throw new AppError("unprocessable", {
        reason: "bid.sample_not_owned",
        errors: [
          {
            field: `sampleIds.${foreign}`,
            code: "sample_not_owned",
            message: "Not one of your work samples.",
          },
        ],
      });
    }
  }

  /** The attached sample ids of a page of bids, in one query. */
  const samplesOf = (bidIds: string[]) => attachedSamples(db, bidIds);

  const loadWithJob = (actor: Actor, bidId: string) => loadVisibleBid(db, actor, bidId);

  return {
    async submit(actor: Actor, jobId: string, input: CreateBidInput): Promise<Bid> {
      requireAssistant(actor);
      const { row: j } = await jobs.loadVisible(actor, jobId);
      if (j.clientId === actor.userId) {
        throw new AppError("forbidden", { reason: "bid.own_job", detail: "You cannot bid on your own job." });
      }
      checkBidTerms(j, input);
      const { sampleIds, ...terms } = input;
      await requireOwnSamples(actor, sampleIds);
      const overlapMinutes = j.overlap ? bidOverlap(j, await profileHoursOf(db, actor.userId)) : null;
      // Every value is known here (id and time included), so the bid, its samples, the client's
      // notification and its mail go to the database as one statement: atomic without a
      // transaction, one round trip on the marketplace's busiest write.
      const now = new Date();
      const row: BidRow = {
        ...terms,
        id: randomUUID(),
        jobId,
        assistantId: actor.userId,
        currency: j.currency,
        status: "submitted",
        rejectionMessage: null,
        overlapMinutes,
        yearsExperience: null,
        createdAt: now,
        updatedAt: now,
      };
      const unique = [...new Set(sampleIds)];
      const attach = unique.length ? sql`, bid_samples AS (${attachSamplesSql(db, row.id, unique)})` : sql``;
      const notice = {
        userId: j.clientId,
        type: "bid.received" as const,
        data: { jobId, bidId: row.id, jobTitle: j.title },
      };
      // The profile's years travel with the insert, read in the same statement.
      const withExperience = { ...row, yearsExperience: yearsExperienceOf(sql`${actor.userId}`) };
      let written: unknown;
      try {
        written = await db.execute(
          sql`WITH new_bid AS (${db.insert(bid).values(withExperience).getSQL()})${attach}, ${notifier.ctes([notice])} SELECT user_id, seq FROM notify_events`,
        );
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw new AppError("conflict", { reason: "bid.duplicate", detail: "You already bid on this job." });
        }
        throw error;
      }
      notifier.written(written);
      return toBid(row, unique);
    },

    async get(actor: Actor, bidId: string): Promise<Bid> {
      const { bid: row } = await loadWithJob(actor, bidId);
      return toBid(row, (await samplesOf([row.id])).get(row.id) ?? []);
    },

    async update(actor: Actor, bidId: string, input: UpdateBidInput): Promise<Bid> {
      const { bid: current, job: j } = await loadWithJob(actor, bidId);
      if (current.assistantId !== actor.userId) throw new AppError("forbidden");
      if (!EDITABLE_BID_STATUSES.includes(current.status)) {
        throw new AppError("conflict", {
          reason: "bid.not_editable",
          detail: "The client has acted on this bid.",
        });
      }
      checkBidTerms(j, input);
      const { sampleIds, ...terms } = input;
      if (sampleIds) await requireOwnSamples(actor, sampleIds);
      const row = await db.transaction(async (tx) => {
        const [updated] = await tx
          .update(bid)
          .set({ ...terms, updatedAt: new Date() })
          .where(and(eq(bid.id, bidId), eq(bid.status, current.status)))
          .returning();
        if (!updated) throw new AppError("conflict", { reason: "bid.changed_concurrently" });
        if (sampleIds) await replaceAttachedSamples(tx, bidId, [...new Set(sampleIds)]);
        return updated;
      });
      return toBid(row, (await samplesOf([row.id])).get(row.id) ?? []);
    },

    /** shortlist / reject (the job's client) and withdraw (the assistant). */
    async act(actor: Actor, bidId: string, action: BidAction, message?: string): Promise<Bid> {
      const { bid: current, job: j } = await loadWithJob(actor, bidId);
      const byClient = action !== "withdraw";
      if (byClient ? actor.userId !== j.clientId : actor.userId !== current.assistantId)
        throw new AppError("forbidden");
      if (action === "withdraw" && j.bidDeadline.getTime() <= Date.now()) {
        throw new AppError("conflict", {
          reason: "bid.deadline_passed",
          detail: "The bid deadline has passed.",
        });
      }
      const status = nextBidStatus(current.status, action);
      const updated = await notifier.transaction(db, async (tx) => {
        const [row] = await tx
          .update(bid)
          .set({
            status,
            updatedAt: new Date(),
            ...(action === "reject" ? { rejectionMessage: message ?? null } : {}),
          })
          .where(and(eq(bid.id, bidId), eq(bid.status, current.status)))
          .returning();
        if (!row) throw new AppError("conflict", { reason: "bid.changed_concurrently" });
        if (byClient) {
          await notifier.notify(tx, [
            {
              userId: current.assistantId,
              type: action === "shortlist" ? "bid.shortlisted" : "bid.rejected",
              data: { jobId: j.id, bidId, jobTitle: j.title, message: message ?? null },
            },
          ]);
        }
        return row;
      });
      // Outside the transaction: PGlite has one connection, which the transaction holds.
      return toBid(updated, (await samplesOf([updated.id])).get(updated.id) ?? []);
    },

    /** The bids on a job, for its client only, sorted by rate, experience, overlap or time of submission. */
    async listForJob(
      actor: Actor,
      jobId: string,
      query: {
        sort: BidSort;
        order: "asc" | "desc";
        status?: BidStatus | undefined;
        cursor?: string | undefined;
        limit: number;
      },
    ) {
      const { row: j } = await jobs.loadVisible(actor, jobId);
      if (j.clientId !== actor.userId)
        throw new AppError("forbidden", { detail: "Only the job's client sees its bids." });
      const key = SORT_KEYS[query.sort];
      const numeric = query.sort !== "submitted";
      const dir = query.order === "asc" ? asc : desc;
      const beyond = query.order === "asc" ? gt : lt;
      const upTo = query.order === "asc" ? gte : lte;
      let after: SQL | undefined;
      if (query.cursor) {
        const c = decodeCursor(query.cursor);
        // Numeric keys travel in the cursor's timestamp slot, as milliseconds.
        const value = numeric ? c.at.getTime() : c.at.toISOString();
        // The leading bound lets the index scan start at the cursor (see server/cursor.ts).
        after = and(upTo(key, value), or(beyond(key, value), and(eq(key, value), beyond(bid.id, c.id))));
      }
      const rows = await db
        .select({
          bid,
          assistantName: userNameOf(bid.assistantId),
          sortValue: key,
        })
        .from(bid)
        .where(and(eq(bid.jobId, jobId), query.status ? eq(bid.status, query.status) : undefined, after))
        .orderBy(dir(key), dir(bid.id))
        .limit(query.limit + 1);
      const page = rows.slice(0, query.limit);
      const last = page.at(-1);
      const nextCursor =
        rows.length > query.limit && last
          ? encodeCursor(numeric ? new Date(Number(last.sortValue)) : last.bid.createdAt, last.bid.id)
          : null;
      const attached = await samplesOf(page.map((r) => r.bid.id));
      return {
        items: page.map((r) => ({
          ...toBid(r.bid, attached.get(r.bid.id) ?? [], r.assistantName),
          yearsExperience: r.bid.yearsExperience,
        })),
        nextCursor,
      };
    },

    async listOwn(actor: Actor, cursor: string | undefined, limit: number) {
      const rows = await db
        .select({ bid, jobTitle: jobTitleOf(bid.jobId) })
        .from(bid)
        .where(and(eq(bid.assistantId, actor.userId), olderThan(cursor, bid.createdAt, bid.id)))
        .orderBy(desc(bid.createdAt), desc(bid.id))
        .limit(limit + 1);
      const page = pageOf(rows, limit, (r) => ({ at: r.bid.createdAt, id: r.bid.id }));
      const attached = await samplesOf(page.items.map((r) => r.bid.id));
      return {
        ...page,
        items: page.items.map((r) => ({
          ...toBid(r.bid, attached.get(r.bid.id) ?? []),
          jobTitle: r.jobTitle,
        })),
      };
    },
  };
}

export type BidsService = ReturnType<typeof createBidsService>;
