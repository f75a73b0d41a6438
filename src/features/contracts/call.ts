import { sql } from "drizzle-orm";
import type { Db } from "../../server/db/client.ts";
import { userName } from "../accounts/people.ts";
import type { Door } from "../calls/rooms.ts";
import type { CallRinging } from "../calls/schema.ts";
import { latestContractNotice } from "../notifications/reads.ts";
import type { Notifier } from "../notifications/service.ts";
import { type ContractGate, type ContractScope, holdScope } from "./gate.ts";
import type { AttentionSource } from "./overview.ts";
import { contractAllows } from "./schema.ts";

/**
 * Who enters a contract's video call: the gate's scope for a call, so its client and its assistant
 * at any time while the contract is active (anyone else: 404; paused or ended: 409 with the status).
 */
export function contractDoor(gate: ContractGate): Door {
  return async (actor, contractId) => {
    const scope = await gate.scope(actor, contractId, "call");
    return {
      peerId: scope.otherPartyId,
      polite: scope.side !== "client",
      jobTitle: scope.jobTitle,
      opensAt: null,
      closesAt: null,
    };
  };
}

/** Rings within this time of the last notice about the same call write no new one. */
const RING_NOTICE_QUIET_MS = 2 * 60_000;

export interface ContractCallOptions {
  /** Sends an unstored live event to users' sockets on every instance. */
  deliver: (userIds: string[], event: { type: "call.ringing"; data: CallRinging }) => void;
}

/** Starting a contract's call: the other party's phone rings, live and through their notifications. */
export function createContractCallService(db: Db, notifier: Notifier, options: ContractCallOptions) {
  return {
    /**
     * The caller is in the call and waits: the other party gets a `call.ringing` event on every open
     * tab now, and a `call.started` notification (bell, and mail as they chose) for later.
     */
    async ring(scope: ContractScope): Promise<void> {
      const { contractId, otherPartyId: calleeId, jobTitle } = scope;
      const callerName = await userName(db, scope.userId);
      const data = { contractId, callerId: scope.userId, callerName, jobTitle };
      await notifier.transaction(db, async (tx) => {
        // Paused or ended since the scope was issued: no ring after that.
        await holdScope(tx, scope);
        // One ring at a time per callee and contract (a double click, two tabs), so the check
        // below sees the other's notice.
        await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`${calleeId}:${contractId}`}))`);
        // A caller who hangs up and tries again rings live each time, but the callee gets one
        // notice (and mail) per call attempt window, not one per button press.
        const recent = await latestContractNotice(tx, {
          userId: calleeId,
          type: "call.started",
          contractId,
          since: new Date(Date.now() - RING_NOTICE_QUIET_MS),
        });
        if (recent) return;
        await notifier.notify(tx, [
          {
            userId: calleeId,
            type: "call.started",
            data: { contractId, actor: callerName, jobTitle: jobTitle },
          },
        ]);
      });
      options.deliver([calleeId], { type: "call.ringing", data });
    },
  };
}

/** A ring this recent that the reader has not opened is a call still waiting for them. */
const PENDING_CALL_MS = 10 * 60_000;

/** "Needs attention": the other party rang the call a moment ago, while calls are possible. */
export function pendingCallAttention(db: Db): AttentionSource {
  return async (scope) => {
    if (!contractAllows(scope.status, "call")) return [];
    const ring = await latestContractNotice(db, {
      userId: scope.userId,
      type: "call.started",
      contractId: scope.contractId,
      since: new Date(Date.now() - PENDING_CALL_MS),
      unreadOnly: true,
    });
    if (!ring) return [];
    return [{ kind: "call.pending", callerName: String(ring.data.actor ?? ""), at: ring.at.toISOString() }];
  };
}

export type ContractCallService = ReturnType<typeof createContractCallService>;
