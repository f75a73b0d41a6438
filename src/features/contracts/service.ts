import { and, count, desc, eq, inArray, ne, notInArray, or } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Actor } from "../../server/auth/actor.ts";
import { olderThan, pageOf } from "../../server/cursor.ts";
import type { Db, Tx } from "../../server/db/client.ts";
import { AppError } from "../../server/errors.ts";
import { formatMinor } from "../../server/money.ts";
import { user } from "../accounts/tables.ts";
import type { BidStatus } from "../bids/schema.ts";
import { bid } from "../bids/tables.ts";
import { nextBidStatus } from "../bids/transitions.ts";
import { job } from "../jobs/tables.ts";
import { nextJobStatus } from "../jobs/transitions.ts";
import type { NewNotification, Notifier } from "../notifications/service.ts";
import { clientDisplayNames, profileCards } from "../profiles/cards.ts";
import {
  type Contract,
  type ContractListItem,
  type CreateOfferInput,
  OFFER_MACHINE,
  type Offer,
  type OfferDetail,
} from "./schema.ts";
import { contract, offer } from "./tables.ts";

type OfferRow = typeof offer.$inferSelect;
const clientUser = alias(user, "client_user");
const assistantUser = alias(user, "assistant_user");

const toOffer = (row: OfferRow): Offer => ({
  ...row,
  pricingModel: row.pricingModel as Offer["pricingModel"],
  status: row.status as Offer["status"],
  createdAt: row.createdAt.toISOString(),
});

const HIRING_STATUSES = ["open", "paused"];

async function setBidStatus(
  tx: Tx,
  bidId: string,
  current: string,
  action: Parameters<typeof nextBidStatus>[1],
) {
  const status = nextBidStatus(current as BidStatus, action);
  await tx.update(bid).set({ status, updatedAt: new Date() }).where(eq(bid.id, bidId));
}

export function createContractsService(db: Db, notifier: Notifier) {
  async function loadBid(actor: Actor, bidId: string) {
    const [row] = await db
      .select({ bid, job })
      .from(bid)
      .innerJoin(job, eq(job.id, bid.jobId))
      .where(eq(bid.id, bidId));
    if (!row || (row.job.clientId !== actor.userId && row.bid.assistantId !== actor.userId))
      throw new AppError("not_found");
    return row;
  }

  return {
    /** The job's client offers terms on a bid; the rate stays within the maximum unless raised explicitly. */
    async makeOffer(actor: Actor, bidId: string, input: CreateOfferInput): Promise<Offer> {
      const { bid: b, job: j } = await loadBid(actor, bidId);
      if (j.clientId !== actor.userId) throw new AppError("forbidden");
      if (!HIRING_STATUSES.includes(j.status)) {
        throw new AppError("conflict", {
          reason: "job.not_hiring",
          detail: `A ${j.status} job hires nobody.`,
        });
      }
      if (input.rateMinor > j.maxRateMinor && !input.exceedMaximum) {
        const max = formatMinor(j.maxRateMinor, j.currency);
        throw new AppError("unprocessable", {
          reason: "offer.rate_above_maximum",
          detail: `The rate is above this job's maximum of ${max}; confirm raising it to offer more.`,
          errors: [{ field: "rateMinor", code: "rate_above_maximum", message: `At most ${max}` }],
        });
      }
      const { exceedMaximum: _, ...terms } = input;
      return notifier.transaction(db, async (tx) => {
        await setBidStatus(tx, b.id, b.status, "offer");
        const [row] = await tx
          .insert(offer)
          .values({ ...terms, bidId: b.id, jobId: j.id, currency: j.currency })
          .returning();
        await notifier.notify(tx, [
          {
            userId: b.assistantId,
            type: "offer.received",
            data: { jobId: j.id, bidId: b.id, offerId: row?.id ?? null, jobTitle: j.title },
          },
        ]);
        return toOffer(row as OfferRow);
      });
    },

    async getOffer(actor: Actor, offerId: string): Promise<OfferDetail> {
      const [row] = await db
        .select({ offer, bid, job, clientName: clientUser.name })
        .from(offer)
        .innerJoin(bid, eq(bid.id, offer.bidId))
        .innerJoin(job, eq(job.id, offer.jobId))
        .innerJoin(clientUser, eq(clientUser.id, job.clientId))
        .where(eq(offer.id, offerId));
      if (!row || (row.job.clientId !== actor.userId && row.bid.assistantId !== actor.userId))
        throw new AppError("not_found");
      const clientId = row.job.clientId;
      const [companies, cards] = await Promise.all([
        clientDisplayNames(db, [clientId]),
        profileCards(db, [clientId]),
      ]);
      const company = companies.get(clientId);
      return {
        ...toOffer(row.offer),
        sender: {
          userId: clientId,
          name: row.clientName,
          company: company && company !== row.clientName ? company : null,
          profileUserId: cards.get(clientId)?.profileUserId ?? null,
        },
      };
    },

    /**
     * The assistant accepts or declines. Accepting locks the job row, so two offers on a single-hire
     * job accepted at the same moment yield exactly one contract; the other answer is 409.
     */
    async respond(
      actor: Actor,
      offerId: string,
      decision: "accept" | "decline",
    ): Promise<{ offer: Offer; contract?: Contract }> {
      const [found] = await db
        .select({ offer, bid })
        .from(offer)
        .innerJoin(bid, eq(bid.id, offer.bidId))
        .where(eq(offer.id, offerId));
      if (!found) throw new AppError("not_found");
      const [owner] = await db
        .select({ clientId: job.clientId })
        .from(job)
        .where(eq(job.id, found.offer.jobId));
      if (found.bid.assistantId !== actor.userId) {
        throw owner?.clientId === actor.userId ? new AppError("forbidden") : new AppError("not_found");
      }
      return notifier.transaction(db, async (tx) => {
        const [j] = await tx.select().from(job).where(eq(job.id, found.offer.jobId)).for("update");
        const [o] = await tx.select().from(offer).where(eq(offer.id, offerId)).for("update");
        if (!j || !o) throw new AppError("not_found");
        if (!OFFER_MACHINE.can(o.status, decision)) {
          throw new AppError("conflict", {
            reason: "offer.not_pending",
            detail: `This contract offer is ${o.status}.`,
          });
        }
        const [current] = await tx.select().from(bid).where(eq(bid.id, o.bidId));
        const now = new Date();
        if (decision === "decline") {
          const [row] = await tx
            .update(offer)
            .set({ status: OFFER_MACHINE.transitions.decline.to, respondedAt: now })
            .where(eq(offer.id, o.id))
            .returning();
          await setBidStatus(tx, o.bidId, current?.status ?? "", "decline");
          await notifier.notify(tx, [
            {
              userId: j.clientId,
              type: "offer.declined",
              data: { jobId: j.id, offerId: o.id, jobTitle: j.title },
            },
          ]);
          return { offer: toOffer(row as OfferRow) };
        }
        if (!HIRING_STATUSES.includes(j.status)) {
          throw new AppError("conflict", {
            reason: "job.not_hiring",
            detail: "This job has been filled or closed.",
          });
        }
        const [hires] = await tx.select({ n: count() }).from(contract).where(eq(contract.jobId, j.id));
        const hired = (hires?.n ?? 0) + 1;
        const [created] = await tx
          .insert(contract)
          .values({
            jobId: j.id,
            bidId: o.bidId,
            offerId: o.id,
            clientId: j.clientId,
            assistantId: actor.userId,
            pricingModel: o.pricingModel,
            rateMinor: o.rateMinor,
            currency: o.currency,
            weeklyHourCap: o.weeklyHourCap,
            startDate: o.startDate,
          })
          .returning();
        const [accepted] = await tx
          .update(offer)
          .set({ status: OFFER_MACHINE.transitions.accept.to, respondedAt: now })
          .where(eq(offer.id, o.id))
          .returning();
        await setBidStatus(tx, o.bidId, current?.status ?? "", "hire");
        const notices: NewNotification[] = [
          {
            userId: j.clientId,
            type: "offer.accepted",
            data: { jobId: j.id, contractId: created?.id ?? null, jobTitle: j.title },
          },
        ];
        if (hired >= j.openings) {
          await tx
            .update(job)
            .set({ status: nextJobStatus(j.status, "fill"), updatedAt: now })
            .where(eq(job.id, j.id));
          // Other pending offers lapse; their bids return to the shortlist.
          const lapsing = await tx
            .update(offer)
            .set({ status: OFFER_MACHINE.transitions.withdraw.to, respondedAt: now })
            .where(and(eq(offer.jobId, j.id), eq(offer.status, "pending")))
            .returning({ bidId: offer.bidId });
          if (lapsing.length) {
            await tx
              .update(bid)
              .set({ status: "shortlisted", updatedAt: now })
              .where(
                inArray(
                  bid.id,
                  lapsing.map((l) => l.bidId),
                ),
              );
          }
          const others = await tx
            .select({ assistantId: bid.assistantId })
            .from(bid)
            .where(
              and(
                eq(bid.jobId, j.id),
                ne(bid.id, o.bidId),
                notInArray(bid.status, ["withdrawn", "rejected", "hired"]),
              ),
            );
          for (const other of others) {
            notices.push({
              userId: other.assistantId,
              type: "job.filled",
              data: { jobId: j.id, jobTitle: j.title },
            });
          }
        }
        await notifier.notify(tx, notices);
        const parties = await tx
          .select({ id: user.id, name: user.name })
          .from(user)
          .where(inArray(user.id, [j.clientId, actor.userId]));
        const nameOf = (id: string) => parties.find((p) => p.id === id)?.name ?? "";
        return {
          offer: toOffer(accepted as OfferRow),
          contract: toContract(created as typeof contract.$inferSelect, {
            jobTitle: j.title,
            clientName: nameOf(j.clientId),
            assistantName: nameOf(actor.userId),
          }),
        };
      });
    },

    async list(actor: Actor, cursor: string | undefined, limit: number) {
      const rows = await db
        .select({
          contract,
          jobTitle: job.title,
          clientName: clientUser.name,
          assistantName: assistantUser.name,
        })
        .from(contract)
        .innerJoin(job, eq(job.id, contract.jobId))
        .innerJoin(clientUser, eq(clientUser.id, contract.clientId))
        .innerJoin(assistantUser, eq(assistantUser.id, contract.assistantId))
        .where(
          and(
            or(eq(contract.clientId, actor.userId), eq(contract.assistantId, actor.userId)),
            olderThan(cursor, contract.createdAt, contract.id),
          ),
        )
        .orderBy(desc(contract.createdAt), desc(contract.id))
        .limit(limit + 1);
      const page = pageOf(rows, limit, (r) => ({ at: r.contract.createdAt, id: r.contract.id }));
      // The page's photos in one query beside the list's, never one per row.
      const cards = await profileCards(db, [...new Set(page.items.map((r) => r.contract.assistantId))]);
      return {
        ...page,
        items: page.items.map(
          (r): ContractListItem => ({
            ...toContract(r.contract, r),
            assistantPhotoUrl: cards.get(r.contract.assistantId)?.photoUrl ?? null,
          }),
        ),
      };
    },
  };
}

function toContract(
  row: typeof contract.$inferSelect,
  names: { jobTitle: string; clientName: string; assistantName: string },
): Contract {
  return {
    ...row,
    ...names,
    pricingModel: row.pricingModel as Contract["pricingModel"],
    status: row.status as Contract["status"],
    createdAt: row.createdAt.toISOString(),
  };
}

export type ContractsService = ReturnType<typeof createContractsService>;
