import { sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { BID_STATUSES } from "../../features/bids/schema.ts";
import { CONTRACT_ACTIONS, CONTRACT_STATUSES, OFFER_STATUSES } from "../../features/contracts/schema.ts";
import { INTERVIEW_STATUSES } from "../../features/interviews/schema.ts";
import { JOB_STATUSES, JOB_VISIBILITIES } from "../../features/jobs/schema.ts";
import { testDatabase } from "../testing/databases.ts";
import type { Database } from "./client.ts";

// The lists in the features' schema.ts make both the column's type and its check constraint
// (enum-column.ts). Here the migrated database is asked what its constraints allow: a list changed
// without a migration fails.

let database: Database;
beforeAll(async () => {
  database = await testDatabase();
});
afterAll(() => database.close());

const CHECKS: [string, readonly string[]][] = [
  ["job_status_known", JOB_STATUSES],
  ["job_visibility_known", JOB_VISIBILITIES],
  ["bid_status_known", BID_STATUSES],
  ["offer_status_known", OFFER_STATUSES],
  ["contract_status_known", CONTRACT_STATUSES],
  ["contract_change_action_known", CONTRACT_ACTIONS],
  ["interview_status_known", INTERVIEW_STATUSES],
];

describe("enum columns and their check constraints", () => {
  it.each(CHECKS)("%s allows exactly the code's list", async (name, values) => {
    const result = await database.db.execute(
      sql`SELECT pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conname = ${name}`,
    );
    const rows = (result as unknown as { rows: { def: string }[] }).rows;
    expect(rows).toHaveLength(1);
    const allowed = [...(rows[0]?.def ?? "").matchAll(/'([^']+)'/g)].map((m) => m[1]);
    expect(allowed.sort()).toEqual([...values].sort());
  });
});
