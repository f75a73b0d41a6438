import { and, eq, gt, sql } from "drizzle-orm";
import type { Actor } from "../../server/auth/actor.ts";
import type { Db } from "../../server/db/client.ts";
import { AppError } from "../../server/errors.ts";
import type { Door, RoomsService } from "../calls/rooms.ts";
import type { CallRinging } from "../calls/schema.ts";
import { job } from "../jobs/tables.ts";
import type { Notifier } from "../notifications/service.ts";
import { notification } from "../notifications/tables.ts";
import { contract } from "./tables.ts";

/**
 * Who enters a contract's video call: its client and its assistant, at any time while the contract
 * is active (anyone else: 404; an ended contract: 409 `contract.ended`).
 */
export function contractDoor(db: Db): Door {
  return async (actor, contractId) => {
    const [row] = await db
      .select({ c: contract, jobTitle: job.title })
      .from(contract)
      .innerJoin(job, eq(job.id, contract.jobId))
      .where(eq(contract.id, contractId));
    const c = row?.c;
    if (!row || !c || (c.clientId !== actor.userId && c.assistantId !== actor.userId))
      throw new AppError("not_found");
    if (c.status !== "active")
      throw new AppError("conflict", {
        reason: "contract.ended",
        detail: "This contract has ended; its video call is no longer available.",
      });
    const client = actor.userId === c.clientId;
    return {
      peerId: client ? c.assistantId : c.clientId,
      polite: !client,
      jobTitle: row.jobTitle,
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
export function createContractCallService(
  db: Db,
  rooms: RoomsService,
  notifier: Notifier,
  options: ContractCallOptions,
) {
  return {
    /**
     * The caller is in the call and waits: the other party gets a `call.ringing` event on every open
     * tab now, and a `call.started` notification (bell, and mail as they chose) for later.
     */
    async ring(actor: Actor, contractId: string): Promise<void> {
      const room = await rooms.room(actor, { kind: "contract", id: contractId });
      const data = { contractId, callerId: actor.userId, callerName: room.you.name, jobTitle: room.jobTitle };
      await notifier.transaction(db, async (tx) => {
        // One ring at a time per callee and contract (a double click, two tabs), so the check
        // below sees the other's notice.
        await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`${room.peer.userId}:${contractId}`}))`);
        // A caller who hangs up and tries again rings live each time, but the callee gets one
        // notice (and mail) per call attempt window, not one per button press.
        const [recent] = await tx
          .select({ id: notification.id })
          .from(notification)
          .where(
            and(
              eq(notification.userId, room.peer.userId),
              eq(notification.type, "call.started"),
              sql`${notification.data}->>'contractId' = ${contractId}`,
              gt(notification.createdAt, new Date(Date.now() - RING_NOTICE_QUIET_MS)),
            ),
          )
          .limit(1);
        if (recent) return;
        await notifier.notify(tx, [
          {
            userId: room.peer.userId,
            type: "call.started",
            data: { contractId, actor: room.you.name, jobTitle: room.jobTitle },
          },
        ]);
      });
      options.deliver([room.peer.userId], { type: "call.ringing", data });
    },
  };
}

export type ContractCallService = ReturnType<typeof createContractCallService>;
