-- The hot lists read one page from an index however large their table grows (query-plans.test.ts):
-- each list's sort key now lives on the rows the list selects from, and existing rows are filled.

-- A job's bids sorted by experience: the assistant's years are copied onto the bid (kept current
-- by bids/experience-sync.ts when the profile is saved).
ALTER TABLE "bid" ADD COLUMN "years_experience" integer;--> statement-breakpoint
UPDATE "bid" SET "years_experience" = p."years_experience" FROM "assistant_profile" p WHERE p."user_id" = "bid"."assistant_id";--> statement-breakpoint
CREATE INDEX "bid_job_experience_idx" ON "bid" USING btree ("job_id",coalesce("years_experience", -1),"id");--> statement-breakpoint

-- A user's inbox: the thread's activity time copied onto each participant row (message-writer.ts
-- updates both in one statement). The new index starts with user_id, so it replaces the old one.
ALTER TABLE "thread_participant" ADD COLUMN "last_activity_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
UPDATE "thread_participant" SET "last_activity_at" = t."last_activity_at" FROM "thread" t WHERE t."id" = "thread_participant"."thread_id";--> statement-breakpoint
DROP INDEX "thread_participant_user_idx";--> statement-breakpoint
CREATE INDEX "thread_participant_inbox_idx" ON "thread_participant" USING btree ("user_id","last_activity_at","thread_id");--> statement-breakpoint

-- A user's interviews: the list's time (confirmed, else earliest proposed start) and end (confirmed,
-- else latest proposed end) as generated columns, which PostgreSQL fills for existing rows and keeps
-- right on every write. A generated column needs immutable functions; the text-to-timestamptz cast
-- is only stable because it could read the session's zone, but the proposals are stored as ISO
-- instants in UTC ("…Z", interviews/service.ts), so the result never depends on it.
CREATE FUNCTION "interview_proposals_first_start"(proposals jsonb) RETURNS timestamp with time zone
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT min((p->>'start')::timestamptz) FROM jsonb_array_elements(proposals) p $$;--> statement-breakpoint
CREATE FUNCTION "interview_proposals_last_end"(proposals jsonb) RETURNS timestamp with time zone
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$ SELECT max((p->>'end')::timestamptz) FROM jsonb_array_elements(proposals) p $$;--> statement-breakpoint
ALTER TABLE "interview" ADD COLUMN "first_at" timestamp with time zone GENERATED ALWAYS AS (coalesce(starts_at, interview_proposals_first_start(proposals))) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "interview" ADD COLUMN "last_end_at" timestamp with time zone GENERATED ALWAYS AS (coalesce(ends_at, interview_proposals_last_end(proposals))) STORED NOT NULL;--> statement-breakpoint
-- The new indexes start with the party, so they replace the (party, created_at) ones.
DROP INDEX "interview_client_idx";--> statement-breakpoint
DROP INDEX "interview_assistant_idx";--> statement-breakpoint
CREATE INDEX "interview_client_first_idx" ON "interview" USING btree ("client_id","first_at","id");--> statement-breakpoint
CREATE INDEX "interview_assistant_first_idx" ON "interview" USING btree ("assistant_id","first_at","id");--> statement-breakpoint
CREATE INDEX "interview_client_end_idx" ON "interview" USING btree ("client_id","last_end_at");--> statement-breakpoint
CREATE INDEX "interview_assistant_end_idx" ON "interview" USING btree ("assistant_id","last_end_at");
