-- Events are numbered from one sequence and resumed by transaction watermark (decision 0025); the
-- per-user counters go. The stored events exist only for tabs resuming after a drop (pruned after
-- days), and their per-user numbers cannot continue in one sequence, so the log starts afresh.
DROP TABLE "realtime_seq" CASCADE;--> statement-breakpoint
DELETE FROM "realtime_event";--> statement-breakpoint
ALTER TABLE "realtime_event" DROP CONSTRAINT "realtime_event_user_id_seq_pk";--> statement-breakpoint
CREATE SEQUENCE "realtime_event_seq_seq" OWNED BY "realtime_event"."seq";--> statement-breakpoint
ALTER TABLE "realtime_event" ALTER COLUMN "seq" SET DEFAULT nextval('realtime_event_seq_seq');--> statement-breakpoint
ALTER TABLE "realtime_event" ADD PRIMARY KEY ("seq");--> statement-breakpoint
ALTER TABLE "realtime_event" ADD COLUMN "tx" bigint DEFAULT (pg_current_xact_id()::text::bigint) NOT NULL;--> statement-breakpoint
CREATE INDEX "realtime_event_resume_idx" ON "realtime_event" USING btree ("user_id","tx","seq");
