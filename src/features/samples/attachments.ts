import { eq, inArray, type SQL } from "drizzle-orm";
import type { Db, Tx } from "../../server/db/client.ts";
import { bidSample } from "./tables.ts";

// The work samples attached to bids. The bids feature attaches and lists them through these;
// which samples an assistant may attach is SamplesService.ownedIds.

/** The insert attaching samples to a new bid, as SQL for the bid's own single statement (a CTE). */
export const attachSamplesSql = (db: Db, bidId: string, sampleIds: readonly string[]): SQL =>
  db
    .insert(bidSample)
    .values(sampleIds.map((sampleId) => ({ bidId, sampleId })))
    .getSQL();

/** Replaces the samples attached to a bid, in the caller's transaction. */
export async function replaceAttachedSamples(tx: Tx, bidId: string, sampleIds: readonly string[]) {
  await tx.delete(bidSample).where(eq(bidSample.bidId, bidId));
  if (sampleIds.length) await tx.insert(bidSample).values(sampleIds.map((sampleId) => ({ bidId, sampleId })));
}

/** The attached sample ids of a set of bids (every bid in the map, [] when none), in one query. */
export async function attachedSamples(tx: Tx, bidIds: readonly string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>(bidIds.map((id) => [id, []]));
  if (!bidIds.length) return map;
  const rows = await tx
    .select()
    .from(bidSample)
    .where(inArray(bidSample.bidId, [...bidIds]));
  for (const r of rows) map.get(r.bidId)?.push(r.sampleId);
  return map;
}
