DROP INDEX "mail_outbox_pending_idx";--> statement-breakpoint
ALTER TABLE "bid" ADD COLUMN "overlap_minutes" integer;--> statement-breakpoint
ALTER TABLE "assistant_profile" ADD COLUMN "photo_key" text;--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "next_attempt_at" timestamp with time zone DEFAULT now() NOT NULL;--> statement-breakpoint
CREATE INDEX "mail_outbox_due_idx" ON "mail_outbox" USING btree ("next_attempt_at") WHERE "mail_outbox"."status" = 'pending';