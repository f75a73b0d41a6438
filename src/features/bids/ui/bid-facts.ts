import type { TFunction } from "i18next";
import type { Bid } from "../schema.ts";

/** Minutes as hours with at most one decimal, in the interface language (150 → "2,5" in German). */
export function hoursText(minutes: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 1 }).format(minutes / 60);
}

/**
 * What the client weighs beside the rate: the assistant's years of experience and how many hours a
 * working day overlap the job's window. Null where unknown (no profile, no hours, no window).
 */
export function bidFacts(
  bid: Pick<Bid, "yearsExperience" | "overlapMinutes">,
  t: TFunction,
  locale: string,
): { experience: string | null; overlap: string | null } {
  const years = bid.yearsExperience ?? null;
  return {
    experience: years === null ? null : t("bids.review.experience", { count: years }),
    overlap:
      bid.overlapMinutes === null
        ? null
        : t("bids.review.overlap", { hours: hoursText(bid.overlapMinutes, locale) }),
  };
}
