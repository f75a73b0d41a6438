CREATE TABLE "availability" (
	"user_id" text PRIMARY KEY NOT NULL,
	"time_zone" text NOT NULL,
	"weekly_hours" jsonb NOT NULL,
	"exceptions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"buffer_minutes" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "availability_buffer_range" CHECK ("availability"."buffer_minutes" BETWEEN 0 AND 240)
);
--> statement-breakpoint
CREATE TABLE "busy_time" (
	"import_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "calendar_import" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"kind" text NOT NULL,
	"name" text NOT NULL,
	"url" text,
	"last_synced_at" timestamp with time zone,
	"last_error" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "calendar_import_kind_known" CHECK ("calendar_import"."kind" IN ('url','file')),
	CONSTRAINT "calendar_import_url_given" CHECK (("calendar_import"."kind" = 'url') = ("calendar_import"."url" IS NOT NULL))
);
--> statement-breakpoint
CREATE TABLE "interview" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bid_id" uuid NOT NULL,
	"client_id" text NOT NULL,
	"assistant_id" text NOT NULL,
	"status" text DEFAULT 'requested' NOT NULL,
	"duration_minutes" integer NOT NULL,
	"proposals" jsonb NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"meeting_url" text,
	"note" text DEFAULT '' NOT NULL,
	"sequence" integer DEFAULT 0 NOT NULL,
	"day_reminder_sequence" integer,
	"soon_reminder_sequence" integer,
	"cancel_reason" text,
	"cancelled_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "interview_status_known" CHECK ("interview"."status" IN ('requested','confirmed','cancelled')),
	CONSTRAINT "interview_duration_known" CHECK ("interview"."duration_minutes" IN (30, 60)),
	CONSTRAINT "interview_confirmed_has_time" CHECK ("interview"."status" <> 'confirmed' OR "interview"."starts_at" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "interview_hold" (
	"interview_id" uuid NOT NULL,
	"user_id" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	CONSTRAINT "interview_hold_positive" CHECK ("interview_hold"."ends_at" > "interview_hold"."starts_at")
);
--> statement-breakpoint
ALTER TABLE "mail_outbox" ADD COLUMN "calendar" jsonb;--> statement-breakpoint
ALTER TABLE "availability" ADD CONSTRAINT "availability_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "busy_time" ADD CONSTRAINT "busy_time_import_id_calendar_import_id_fk" FOREIGN KEY ("import_id") REFERENCES "public"."calendar_import"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "busy_time" ADD CONSTRAINT "busy_time_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "calendar_import" ADD CONSTRAINT "calendar_import_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview" ADD CONSTRAINT "interview_bid_id_bid_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bid"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview" ADD CONSTRAINT "interview_client_id_user_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview" ADD CONSTRAINT "interview_assistant_id_user_id_fk" FOREIGN KEY ("assistant_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_hold" ADD CONSTRAINT "interview_hold_interview_id_interview_id_fk" FOREIGN KEY ("interview_id") REFERENCES "public"."interview"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "interview_hold" ADD CONSTRAINT "interview_hold_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "busy_time_user_start_idx" ON "busy_time" USING btree ("user_id","starts_at");--> statement-breakpoint
CREATE INDEX "busy_time_import_idx" ON "busy_time" USING btree ("import_id");--> statement-breakpoint
CREATE INDEX "calendar_import_user_idx" ON "calendar_import" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "interview_client_idx" ON "interview" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "interview_assistant_idx" ON "interview" USING btree ("assistant_id","created_at");--> statement-breakpoint
CREATE INDEX "interview_bid_idx" ON "interview" USING btree ("bid_id");--> statement-breakpoint
CREATE INDEX "interview_upcoming_idx" ON "interview" USING btree ("starts_at") WHERE "interview"."status" = 'confirmed';--> statement-breakpoint
CREATE INDEX "interview_hold_interview_idx" ON "interview_hold" USING btree ("interview_id");--> statement-breakpoint
-- Not expressible in Drizzle's schema: no person is ever held by two interviews at once. The person
-- is a one-point text range so that PostgreSQL's own GiST range support combines "same person" with
-- "overlapping time" (no btree_gist extension: decision 0010).
CREATE TYPE "person_range" AS RANGE (subtype = text, collation = "C");--> statement-breakpoint
ALTER TABLE "interview_hold" ADD CONSTRAINT "interview_hold_no_overlap" EXCLUDE USING gist (person_range("user_id", "user_id", '[]') WITH &&, tstzrange("starts_at", "ends_at", '[)') WITH &&);
