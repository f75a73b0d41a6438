import { and, desc, eq, gte, sql } from "drizzle-orm";
import type { Actor } from "../../server/auth/actor.ts";
import { cursorValues, olderThan, olderThanPlaceholders, pageOf } from "../../server/cursor.ts";
import type { Db } from "../../server/db/client.ts";
import { byShape, shapeOf } from "../../server/db/prepared.ts";
import { AppError } from "../../server/errors.ts";
import { hasRole } from "../accounts/people.ts";
import { syncJobOverlaps } from "../bids/overlap-sync.ts";
import { activeBidders, bidCountOf } from "../bids/reads.ts";
import type { PricingModel } from "../common/schema.ts";
import type { Notifier } from "../notifications/service.ts";
import { canViewJob, requireClient, requireJobOwner } from "./policy.ts";
import {
  type CreateJobInput,
  EDITABLE_JOB_STATUSES,
  type Job,
  type JobAction,
  type UpdateJobInput,
} from "./schema.ts";
import { job, jobInvitation } from "./tables.ts";
import { nextJobStatus } from "./transitions.ts";

type JobRow = typeof job.$inferSelect;

export function toJob(row: JobRow, bidCount?: number): Job {
  return {
    ...row,
    categories: row.categories as Job["categories"],
    pricingModel: row.pricingModel as Job["pricingModel"],
    visibility: row.visibility as Job["visibility"],
    status: row.status as Job["status"],
    bidDeadline: row.bidDeadline.toISOString(),
    publishedAt: row.publishedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    ...(bidCount !== undefined ? { bidCount } : {}),
  };
}

function deadlineInFuture(iso: string | Date) {
  if (new Date(iso).getTime() <= Date.now()) {
    throw new AppError("validation_failed", {
      errors: [
        { field: "bidDeadline", code: "deadline_past", message: "The bid deadline must be in the future." },
      ],
    });
  }
}

export function createJobsService(db: Db, notifier: Notifier) {
  // Only an invite-only job seen by someone other than its client needs the invitation lookup;
  // public jobs (every bid submission) skip the query.
  async function isInvited(j: typeof job.$inferSelect, actor: Actor | null) {
    if (!actor || j.visibility !== "invite_only" || actor.userId === j.clientId) return false;
    const [row] = await db
      .select({ jobId: jobInvitation.jobId })
      .from(jobInvitation)
      .where(and(eq(jobInvitation.jobId, j.id), eq(jobInvitation.assistantId, actor.userId)));
    return Boolean(row);
  }

  // The most read query of the app (every job page and every bid): built once (db/prepared.ts).
  const jobById = db
    .select()
    .from(job)
    .where(eq(job.id, sql.placeholder("id")))
    .prepare("job_by_id");

  /** Loads a job the actor may see; 404 when it does not exist or is private to them. */
  async function loadVisible(actor: Actor | null, id: string) {
    const [row] = await jobById.execute({ id });
    if (!row) throw new AppError("not_found");
    if (!canViewJob(actor, row, await isInvited(row, actor))) throw new AppError("not_found");
    return { row };
  }

  async function loadOwned(actor: Actor, id: string) {
    const [row] = await jobById.execute({ id });
    if (!row) throw new AppError("not_found");
    requireJobOwner(actor, row, await isInvited(row, actor));
    return row;
  }

  // The job board, one prepared query per combination of filters in use; the letters name the
  // filters present: c category, m pricing model, r minimum rate, k cursor.
  const boardQuery = byShape((shape: string) => {
    const has = (letter: string) => shape.includes(letter);
    return (
      db
        .select()
        .from(job)
        .where(
          and(
            eq(job.status, "open"),
            eq(job.visibility, "public"),
            has("c") ? sql`${sql.placeholder("category")} = ANY(${job.categories})` : undefined,
            has("m") ? eq(job.pricingModel, sql.placeholder("pricingModel")) : undefined,
            has("r")
              ? and(
                  gte(job.maxRateMinor, sql.placeholder("minRateMinor")),
                  eq(job.currency, sql.placeholder("currency")),
                )
              : undefined,
            has("k") ? olderThanPlaceholders(job.publishedAt, job.id) : undefined,
          ),
        )
        // NULLS LAST as in job_board_idx, so PostgreSQL reads the index in order instead of
        // sorting every open job; the cursor's `published_at < x` already skips nulls (last).
        .orderBy(sql`${job.publishedAt} desc nulls last`, sql`${job.id} desc nulls last`)
        .limit(sql.placeholder("limit"))
        .prepare(`job_board_${shape || "all"}`)
    );
  });

  return {
    loadVisible,

    async create(actor: Actor, input: CreateJobInput): Promise<Job> {
      requireClient(actor);
      deadlineInFuture(input.bidDeadline);
      const [row] = await db
        .insert(job)
        .values({ ...input, clientId: actor.userId, bidDeadline: new Date(input.bidDeadline) })
        .returning();
      return toJob(row as JobRow, 0);
    },

    async get(actor: Actor | null, id: string): Promise<Job> {
      const { row } = await loadVisible(actor, id);
      return toJob(row);
    },

    async update(actor: Actor, id: string, input: UpdateJobInput): Promise<Job> {
      const current = await loadOwned(actor, id);
      if (!EDITABLE_JOB_STATUSES.includes(current.status)) {
        throw new AppError("conflict", {
          reason: "job.not_editable",
          detail: `A ${current.status} job cannot be edited.`,
        });
      }
      const { bidDeadline, ...rest } = input;
      if (bidDeadline) deadlineInFuture(bidDeadline);
      const termsChanged = current.status !== "draft" && Object.keys(input).length > 0;
      return notifier.transaction(db, async (tx) => {
        const [row] = await tx
          .update(job)
          .set({
            ...rest,
            ...(bidDeadline ? { bidDeadline: new Date(bidDeadline) } : {}),
            updatedAt: new Date(),
          })
          .where(eq(job.id, id))
          .returning();
        // The review sorts by working-hour overlap: the bids' figures follow the job's window.
        if (input.overlap !== undefined || input.startDate !== undefined)
          await syncJobOverlaps(tx, id, row as JobRow);
        if (termsChanged) {
          // Everyone with an active bid learns that the terms they bid on have changed.
          const bidders = await activeBidders(tx, id);
          await notifier.notify(
            tx,
            bidders.map((userId) => ({
              userId,
              type: "job.terms_changed" as const,
              data: { jobId: id, jobTitle: row?.title ?? "" },
            })),
          );
        }
        return toJob(row as JobRow);
      });
    },

    /** The client invites an assistant to an invite-only job (inviting twice changes nothing). */
    async invite(actor: Actor, id: string, assistantId: string): Promise<void> {
      const j = await loadOwned(actor, id);
      if (j.visibility !== "invite_only") {
        throw new AppError("conflict", {
          reason: "job.not_invite_only",
          detail: "Public jobs need no invitation.",
        });
      }
      if (!(await hasRole(db, assistantId, "assistant"))) {
        throw new AppError("unprocessable", {
          reason: "job.invitee_not_assistant",
          errors: [{ field: "assistantId", code: "not_an_assistant", message: "Not an assistant" }],
        });
      }
      await db.insert(jobInvitation).values({ jobId: id, assistantId }).onConflictDoNothing();
    },

    async transition(actor: Actor, id: string, action: JobAction): Promise<Job> {
      const current = await loadOwned(actor, id);
      const status = nextJobStatus(current.status as Job["status"], action);
      if (action === "publish") deadlineInFuture(current.bidDeadline);
      const [row] = await db
        .update(job)
        .set({
          status,
          updatedAt: new Date(),
          ...(action === "publish" ? { publishedAt: new Date() } : {}),
        })
        // The status in the condition makes concurrent transitions safe: only one wins.
        .where(and(eq(job.id, id), eq(job.status, current.status)))
        .returning();
      if (!row) throw new AppError("conflict", { reason: "job.changed_concurrently" });
      return toJob(row);
    },

    /** The client's own jobs with their bid counts, newest first. */
    async listOwn(actor: Actor, cursor: string | undefined, limit: number) {
      const rows = await db
        .select({ job, bidCount: bidCountOf(job.id) })
        .from(job)
        .where(and(eq(job.clientId, actor.userId), olderThan(cursor, job.createdAt, job.id)))
        .orderBy(desc(job.createdAt), desc(job.id))
        .limit(limit + 1);
      const page = pageOf(rows, limit, (r) => ({ at: r.job.createdAt, id: r.job.id }));
      return { ...page, items: page.items.map((r) => toJob(r.job, r.bidCount)) };
    },

    /** The job board: open public jobs, newest first, filtered. */
    async listBoard(query: {
      category?: string | undefined;
      pricingModel?: PricingModel | undefined;
      minRateMinor?: number | undefined;
      currency?: string | undefined;
      cursor?: string | undefined;
      limit: number;
    }) {
      const filters = {
        c: query.category,
        m: query.pricingModel,
        r: query.minRateMinor,
        k: query.cursor,
      };
      const rows = await boardQuery(shapeOf(filters)).execute({
        category: query.category,
        pricingModel: query.pricingModel,
        minRateMinor: query.minRateMinor,
        currency: query.currency ?? "EUR",
        ...cursorValues(query.cursor),
        limit: query.limit + 1,
      });
      const page = pageOf(rows, query.limit, (r) => ({ at: r.publishedAt, id: r.id }));
      return { ...page, items: page.items.map((r) => toJob(r)) };
    },
  };
}

export type JobsService = ReturnType<typeof createJobsService>;
