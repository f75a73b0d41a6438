import { and, desc, eq, sql } from "drizzle-orm";
import { olderThan, pageOf } from "../../server/cursor.ts";
import type { Db, Tx } from "../../server/db/client.ts";
import { AppError } from "../../server/errors.ts";
import { advance } from "../../server/transitions.ts";
import { userName, userNameOf } from "../accounts/people.ts";
import type { Notifier } from "../notifications/service.ts";
import type { ContractScope } from "./gate.ts";
import {
  ACTIONS_NEEDING_REASON,
  CONTRACT_MACHINE,
  type ContractAction,
  type ContractChange,
  type ContractStatus,
} from "./schema.ts";
import { contract, contractChange } from "./tables.ts";

const NOTICE = { pause: "contract.paused", resume: "contract.resumed", end: "contract.ended" } as const;

type ChangeRow = typeof contractChange.$inferSelect;

const toChange = (row: ChangeRow, actorName: string): ContractChange => ({
  id: row.id,
  actorId: row.actorId,
  actorName,
  action: row.action as ContractAction,
  from: row.fromStatus,
  to: row.toStatus,
  reason: row.reason,
  at: row.at.toISOString(),
});

/** The next status by the transition table, or 409 `contract.illegal_transition`. */
export const nextContractStatus = (current: ContractStatus, action: ContractAction): ContractStatus =>
  advance(CONTRACT_MACHINE, "contract", current, action);

/** A page of a contract's changes, newest first. */
export async function historyOf(db: Tx, contractId: string, cursor: string | undefined, limit: number) {
  const rows = await db
    .select({ change: contractChange, actorName: userNameOf(contractChange.actorId) })
    .from(contractChange)
    .where(
      and(eq(contractChange.contractId, contractId), olderThan(cursor, contractChange.at, contractChange.id)),
    )
    .orderBy(desc(contractChange.at), desc(contractChange.id))
    .limit(limit + 1);
  const page = pageOf(rows, limit, (r) => ({ at: r.change.at, id: r.change.id }));
  return { ...page, items: page.items.map((r) => toChange(r.change, r.actorName)) };
}

/** Pause, resume and end, by either party, with a reason the other party is told. */
export function createLifecycleService(db: Db, notifier: Notifier) {
  return {
    /**
     * Moves the contract by the table. The row is locked first, so of two changes at once the
     * second sees the first's result: two ends give one end and one 409.
     */
    async transition(scope: ContractScope, action: ContractAction, reason?: string): Promise<ContractChange> {
      const why = reason?.trim() || null;
      if (!why && ACTIONS_NEEDING_REASON.includes(action)) {
        throw new AppError("validation_failed", {
          errors: [{ field: "reason", code: "required", message: "Say why." }],
        });
      }
      return notifier.transaction(db, async (tx: Tx) => {
        const [locked] = await tx
          .select({ status: contract.status })
          .from(contract)
          .where(eq(contract.id, scope.contractId))
          .for("update");
        if (!locked) throw new AppError("not_found");
        const from = locked.status;
        const to = nextContractStatus(from, action);
        await tx.update(contract).set({ status: to }).where(eq(contract.id, scope.contractId));
        const [row] = await tx
          .insert(contractChange)
          .values({
            contractId: scope.contractId,
            actorId: scope.userId,
            action,
            fromStatus: from,
            toStatus: to,
            reason: why,
            // The moment of the write, after the row lock: now() is when the transaction began, and
            // a change that waited for the lock would sort before the one it waited for.
            at: sql`clock_timestamp()`,
          })
          .returning();
        const actorName = await userName(tx, scope.userId);
        await notifier.notify(tx, [
          {
            userId: scope.otherPartyId,
            type: NOTICE[action],
            data: { contractId: scope.contractId, actor: actorName, jobTitle: scope.jobTitle, message: why },
          },
        ]);
        return toChange(row as ChangeRow, actorName);
      });
    },

    history: (scope: ContractScope, cursor: string | undefined, limit: number) =>
      historyOf(db, scope.contractId, cursor, limit),
  };
}

export type LifecycleService = ReturnType<typeof createLifecycleService>;
