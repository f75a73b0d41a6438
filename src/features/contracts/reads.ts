import { eq, or, type SQL } from "drizzle-orm";
import type { AnyPgColumn } from "drizzle-orm/pg-core";
import type { Tx } from "../../server/db/client.ts";
import { lookup } from "../../server/db/lookup.ts";
import { contract } from "./tables.ts";

// Facts about a contract that other features use inside their own queries (scalar subqueries on
// the primary key, so the caller's query stays one statement). Who may see a contract is the
// gate's question (gate.ts), not these.

/** The bid a contract was hired from, as a column of the caller's query. */
export const contractBidOf = (contractId: AnyPgColumn | SQL) =>
  lookup<string>(contract.bidId, contract.id, contractId);

/** The ids of the contracts a user is a party to, as a subquery for `inArray` in the caller's query. */
export const contractIdsOf = (db: Tx, userId: string) =>
  db
    .select({ id: contract.id })
    .from(contract)
    .where(or(eq(contract.clientId, userId), eq(contract.assistantId, userId)));
