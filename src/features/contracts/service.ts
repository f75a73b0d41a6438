import { and, count, desc, eq, or } from "drizzle-orm";
import type { Actor } from "../../server/auth/actor.ts";
import { olderThan, pageOf } from "../../server/cursor.ts";
import type { Db } from "../../server/db/client.ts";
import { AppError } from "../../server/errors.ts";
import { formatMinor } from "../../server/money.ts";
import { userName, userNameOf, userNames } from "../accounts/people.ts";
import {
  markBidDeclined,
  markBidHired,
  markBidOffered,
  returnBidsToShortlist,
  rivalBidders,
} from "../bids/offers.ts";
import { loadVisibleBid } from "../bids/service.ts";
import { lockJobForHire, markJobFilled } from "../jobs/hiring.ts";
import { jobTitleOf } from "../jobs/reads.ts";
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

const toOffer = (row: OfferRow): Offer => ({
  ...row,
  pricingModel: row.pricingModel as Offer["pricingModel"],
  status: row.status as Offer["status"],
  createdAt: row.createdAt.toISOString(),
});

const HIRING_STATUSES = ["open", "paused"];

export function createContractsService(db: Db, notifier: Notifier) {
  /** An offer with its bid and job, for the bid's assistant or the job's client; others get 404. */
  async function loadOffer(actor: Actor, offerId: string) {
    const [row] = await db.select().from(offer).where(eq(offer.id, offerId));
    if (!row) throw new AppError("not_found");
    return { offer: row, ...(await loadVisibleBid(db, actor, row.bidId)) };
  }

  return {
    /** The job's client offers terms on a bid; the rate stays within the maximum unless raised explicitly. */
    async makeOffer(actor: Actor, bidId: string, input: CreateOfferInput): Promise<Offer> {
      const { bid: b, job: j } = await loadVisibleBid(db, actor, bidId);
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
        await markBidOffered(tx, b.id);
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
      const { offer: o, job: j } = await loadOffer(actor, offerId);
      const clientId = j.clientId;
      const [clientName, companies, cards] = await Promise.all([
        userName(db, clientId),
        clientDisplayNames(db, [clientId]),
        profileCards(db, [clientId]),
      ]);
      const company = companies.get(clientId);
      return {
        ...toOffer(o),
        sender: {
          userId: clientId,
          name: clientName,
          company: company && company !== clientName ? company : null,
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
      // The job's client sees the offer but does not answer it.
      const found = await loadOffer(actor, offerId);
      if (found.bid.assistantId !== actor.userId) throw new AppError("forbidden");
      return notifier.transaction(db, async (tx) => {
        const j = await lockJobForHire(tx, found.offer.jobId);
        const [o] = await tx.select().from(offer).where(eq(offer.id, offerId)).for("update");
        if (!j || !o) throw new AppError("not_found");
        if (!OFFER_MACHINE.can(o.status, decision)) {
          throw new AppError("conflict", {
            reason: "offer.not_pending",
            detail: `This contract offer is ${o.status}.`,
          });
        }
        const now = new Date();
        if (decision === "decline") {
          const [row] = await tx
            .update(offer)
            .set({ status: OFFER_MACHINE.transitions.decline.to, respondedAt: now })
            .where(eq(offer.id, o.id))
            .returning();
          await markBidDeclined(tx, o.bidId);
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
        await markBidHired(tx, o.bidId);
        const notices: NewNotification[] = [
          {
            userId: j.clientId,
            type: "offer.accepted",
            data: { jobId: j.id, contractId: created?.id ?? null, jobTitle: j.title },
          },
        ];
        if (hired >= j.openings) {
          await markJobFilled(tx, j);
          // Other pending offers lapse; their bids return to the shortlist.
          const lapsing = await tx
            .update(offer)
            .set({ status: OFFER_MACHINE.transitions.withdraw.to, respondedAt: now })
            .where(and(eq(offer.jobId, j.id), eq(offer.status, "pending")))
            .returning({ bidId: offer.bidId });
          await returnBidsToShortlist(
            tx,
            lapsing.map((l) => l.bidId),
          );
          for (const assistantId of await rivalBidders(tx, j.id, o.bidId)) {
            notices.push({
              userId: assistantId,
              type: "job.filled",
              data: { jobId: j.id, jobTitle: j.title },
            });
          }
        }
        await notifier.notify(tx, notices);
        const parties = await userNames(tx, [j.clientId, actor.userId]);
        const nameOf = (id: string) => parties.get(id) ?? "";
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
          jobTitle: jobTitleOf(contract.jobId),
          clientName: userNameOf(contract.clientId),
          assistantName: userNameOf(contract.assistantId),
        })
        .from(contract)
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
