import type { Db } from "../../server/db/client.ts";
import { userNames } from "../accounts/people.ts";
import { profileCards } from "../profiles/cards.ts";
import type { ContractScope } from "./gate.ts";
import { historyOf } from "./lifecycle.ts";
import type { AttentionItem, Contract, ContractOverview } from "./schema.ts";

/**
 * One domain's contribution to "what needs attention": its items for the reader of the contract.
 * Domains that depend on contracts (calendar, messaging …) provide one each; app.ts lists them,
 * so this feature never imports them.
 */
export type AttentionSource = (scope: ContractScope) => Promise<AttentionItem[]>;

/** Changes the overview shows; older ones are a page away. */
const HISTORY_ON_OVERVIEW = 5;

/** The contract as the list shows it, from the scope and both parties' names. */
export function contractOf(scope: ContractScope, names: Map<string, string>): Contract {
  return {
    id: scope.contractId,
    jobId: scope.jobId,
    jobTitle: scope.jobTitle,
    clientId: scope.clientId,
    clientName: names.get(scope.clientId) ?? "",
    assistantId: scope.assistantId,
    assistantName: names.get(scope.assistantId) ?? "",
    pricingModel: scope.pricingModel,
    rateMinor: scope.rateMinor,
    currency: scope.currency,
    weeklyHourCap: scope.weeklyHourCap,
    startDate: scope.startDate,
    status: scope.status,
    createdAt: scope.createdAt.toISOString(),
  };
}

export function createOverviewService(db: Db, sources: readonly AttentionSource[]) {
  return {
    async overview(scope: ContractScope): Promise<ContractOverview> {
      const parties = [scope.clientId, scope.assistantId];
      const [names, cards, history, ...found] = await Promise.all([
        userNames(db, parties),
        // Only assistants have a public profile to show; a client who also assists is shown as a client.
        profileCards(db, scope.side === "client" ? [scope.otherPartyId] : []),
        historyOf(db, scope.contractId, undefined, HISTORY_ON_OVERVIEW),
        ...sources.map((source) => source(scope)),
      ]);
      const card = cards.get(scope.otherPartyId);
      return {
        contract: contractOf(scope, names),
        side: scope.side,
        otherParty: {
          userId: scope.otherPartyId,
          name: names.get(scope.otherPartyId) ?? "",
          side: scope.side === "client" ? "assistant" : "client",
          photoUrl: card?.photoUrl ?? null,
          profileUserId: card?.profileUserId ?? null,
        },
        attention: found.flat(),
        history,
      };
    },
  };
}

export type OverviewService = ReturnType<typeof createOverviewService>;
