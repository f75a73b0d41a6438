import { and, eq, sql } from "drizzle-orm";
import type { Tx } from "../../server/db/client.ts";
import { bid } from "./tables.ts";

/**
 * After an assistant saves their profile (the saved years, from the caller): every bid of theirs
 * shows and sorts by the new figure, whatever its status, as the review lists them all. Bids that
 * already carry it are left alone, so an unchanged figure writes nothing.
 */
export async function syncAssistantExperience(tx: Tx, assistantId: string, yearsExperience: number) {
  await tx
    .update(bid)
    .set({ yearsExperience })
    .where(
      and(eq(bid.assistantId, assistantId), sql`${bid.yearsExperience} IS DISTINCT FROM ${yearsExperience}`),
    );
}
