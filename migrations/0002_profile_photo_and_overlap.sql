ALTER TABLE "bid" ADD COLUMN "overlap_minutes" integer;--> statement-breakpoint
ALTER TABLE "assistant_profile" ADD COLUMN "photo_key" text;