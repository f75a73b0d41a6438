import { eq, inArray } from "drizzle-orm";
import type { Actor } from "../../server/auth/actor.ts";
import type { Db, Tx } from "../../server/db/client.ts";
import { AppError } from "../../server/errors.ts";
import type { PricingModel } from "../common/schema.ts";
import { jobTitleOf } from "../jobs/reads.ts";
import {
  type ContractNeed,
  type ContractSide,
  type ContractStatus,
  contractAllows,
  refusalReason,
} from "./schema.ts";
import { contract } from "./tables.ts";

// The one check of who is a party to a contract, and on which side (decision 0014). Everything
// scoped to a contract takes a ContractScope, which only this file issues: the brand below is a
// symbol no other module can name, so a service that asks for a scope cannot be called without
// this check having run.

declare const issuedByTheGate: unique symbol;

/** A party's view of one contract, granted for one need (reading, a call, a calendar write …). */
export interface ContractScope {
  readonly [issuedByTheGate]: true;
  readonly contractId: string;
  /** The need the scope was issued for; holdScope checks it again inside a write. */
  readonly need: ContractNeed;
  readonly side: ContractSide;
  readonly userId: string;
  readonly otherPartyId: string;
  readonly clientId: string;
  readonly assistantId: string;
  readonly status: ContractStatus;
  readonly jobId: string;
  readonly jobTitle: string;
  readonly pricingModel: PricingModel;
  readonly currency: string;
  readonly rateMinor: number;
  readonly weeklyHourCap: number | null;
  readonly startDate: string;
  readonly createdAt: Date;
}

type Row = { c: typeof contract.$inferSelect; jobTitle: string };

const columns = { c: contract, jobTitle: jobTitleOf(contract.jobId) };

/** The actor's side of the row, or undefined for anyone else. */
function issue(actor: Actor, { c, jobTitle }: Row, need: ContractNeed): ContractScope | undefined {
  const side: ContractSide | undefined =
    actor.userId === c.clientId ? "client" : actor.userId === c.assistantId ? "assistant" : undefined;
  if (!side) return undefined;
  const scope: Omit<ContractScope, typeof issuedByTheGate> = {
    contractId: c.id,
    need,
    side,
    userId: actor.userId,
    otherPartyId: side === "client" ? c.assistantId : c.clientId,
    clientId: c.clientId,
    assistantId: c.assistantId,
    status: c.status,
    jobId: c.jobId,
    jobTitle,
    pricingModel: c.pricingModel as PricingModel,
    currency: c.currency,
    rateMinor: c.rateMinor,
    weeklyHourCap: c.weeklyHourCap,
    startDate: c.startDate,
    createdAt: c.createdAt,
  };
  return scope as ContractScope;
}

/** 409 with the status as the reason (`contract.paused`, `contract.ended`) for a need it refuses. */
function refuse(status: ContractStatus, need: ContractNeed): AppError {
  return new AppError("conflict", {
    reason: refusalReason(status),
    detail: `This contract is ${status}: ${need} is not possible now.`,
  });
}

export function contractGate(db: Db) {
  return {
    /**
     * The actor's scope of the contract for a need: 404 for anyone not a party (whether the
     * contract exists stays private), 409 `contract.<status>` when the status refuses the need.
     */
    async scope(actor: Actor, contractId: string, need: ContractNeed): Promise<ContractScope> {
      const [row] = await db.select(columns).from(contract).where(eq(contract.id, contractId));
      const scope = row && issue(actor, row, need);
      if (!scope) throw new AppError("not_found");
      if (!contractAllows(scope.status, need)) throw refuse(scope.status, need);
      return scope;
    },

    /**
     * Scopes for a set of contracts in one query: those the actor is a party to and whose status
     * allows the need. Others are left out, never reported (as immich's access checks on sets).
     */
    async scopes(
      actor: Actor,
      contractIds: readonly string[],
      need: ContractNeed,
    ): Promise<Map<string, ContractScope>> {
      const found = new Map<string, ContractScope>();
      const ids = [...new Set(contractIds)];
      if (!ids.length) return found;
      const rows = await db.select(columns).from(contract).where(inArray(contract.id, ids));
      for (const row of rows) {
        const scope = issue(actor, row, need);
        if (scope && contractAllows(scope.status, need)) found.set(scope.contractId, scope);
      }
      return found;
    },
  };
}

export type ContractGate = ReturnType<typeof contractGate>;

/**
 * Inside a write's transaction: the contract still allows the scope's need, and keeps its status
 * until the write commits (a share lock; pausing or ending waits for it, or it sees their result).
 * Without it a write checked just before an end could land just after it.
 */
export async function holdScope(tx: Tx, scope: ContractScope): Promise<void> {
  const [row] = await tx
    .select({ status: contract.status })
    .from(contract)
    .where(eq(contract.id, scope.contractId))
    .for("share");
  if (!row) throw new AppError("not_found");
  const status = row.status;
  if (!contractAllows(status, scope.need)) throw refuse(status, scope.need);
}
