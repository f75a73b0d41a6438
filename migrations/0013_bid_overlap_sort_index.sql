-- The client's review of a job's bids sorted by overlap orders by coalesce(overlap_minutes, -1), id
-- (bids/service.ts SORT_KEYS): this index on that expression lets PostgreSQL read one page in
-- order instead of reading and sorting every bid of the job (query-plans.test.ts checks it).
CREATE INDEX "bid_job_overlap_idx" ON "bid" USING btree ("job_id",coalesce("overlap_minutes", -1),"id");
