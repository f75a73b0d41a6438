import { sql } from "drizzle-orm";
import { drizzle } from "drizzle-orm/pglite";
import { describe, expect, it } from "vitest";
import { bid } from "../../features/bids/tables.ts";
import { job } from "../../features/jobs/tables.ts";
import { lookup } from "./lookup.ts";

describe("lookup", () => {
  it("qualifies every column, even as a field of a single-table select", () => {
    const db = drizzle.mock();
    // bid and job both have an "id": unqualified, the inner job.id would be compared with itself.
    const query = db
      .select({
        title: lookup(job.title, job.id, bid.jobId),
        same: lookup(job.title, job.id, sql`${bid.id}`),
      })
      .from(bid)
      .toSQL().sql;
    expect(query).toContain(`(SELECT "job"."title" FROM "job" WHERE "job"."id" = "bid"."job_id")`);
    expect(query).toContain(`WHERE "job"."id" = "bid"."id")`);
  });
});
