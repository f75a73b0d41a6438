CREATE TABLE "bid" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"assistant_id" text NOT NULL,
	"rate_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"cover_letter" text NOT NULL,
	"answers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"earliest_start" date NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	"rejection_message" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "bid_status_known" CHECK ("bid"."status" IN ('submitted','shortlisted','rejected','withdrawn','offered','hired','declined')),
	CONSTRAINT "bid_rate_positive" CHECK ("bid"."rate_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "contract" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"job_id" uuid NOT NULL,
	"bid_id" uuid NOT NULL,
	"offer_id" uuid NOT NULL,
	"client_id" text NOT NULL,
	"assistant_id" text NOT NULL,
	"pricing_model" text NOT NULL,
	"rate_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"weekly_hour_cap" integer,
	"start_date" date NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_bid_id_unique" UNIQUE("bid_id"),
	CONSTRAINT "contract_status_known" CHECK ("contract"."status" IN ('active','ended')),
	CONSTRAINT "contract_hourly_has_cap" CHECK ("contract"."pricing_model" <> 'hourly' OR "contract"."weekly_hour_cap" IS NOT NULL)
);
--> statement-breakpoint
CREATE TABLE "offer" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bid_id" uuid NOT NULL,
	"job_id" uuid NOT NULL,
	"pricing_model" text NOT NULL,
	"rate_minor" integer NOT NULL,
	"currency" text NOT NULL,
	"weekly_hour_cap" integer,
	"start_date" date NOT NULL,
	"message" text DEFAULT '' NOT NULL,
	"status" text DEFAULT 'pending' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"responded_at" timestamp with time zone,
	CONSTRAINT "offer_status_known" CHECK ("offer"."status" IN ('pending','accepted','declined','withdrawn')),
	CONSTRAINT "offer_rate_positive" CHECK ("offer"."rate_minor" > 0)
);
--> statement-breakpoint
CREATE TABLE "job" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"client_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"categories" text[] NOT NULL,
	"pricing_model" text NOT NULL,
	"max_rate_minor" integer NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"expected_volume" integer NOT NULL,
	"start_date" date NOT NULL,
	"duration_weeks" integer,
	"languages" text[] DEFAULT '{}'::text[] NOT NULL,
	"overlap" jsonb,
	"screening_questions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"bid_deadline" timestamp with time zone NOT NULL,
	"visibility" text DEFAULT 'public' NOT NULL,
	"openings" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_pricing_model_known" CHECK ("job"."pricing_model" IN ('per_task','hourly')),
	CONSTRAINT "job_status_known" CHECK ("job"."status" IN ('draft','open','paused','filled','closed','cancelled')),
	CONSTRAINT "job_visibility_known" CHECK ("job"."visibility" IN ('public','invite_only')),
	CONSTRAINT "job_max_rate_positive" CHECK ("job"."max_rate_minor" > 0),
	CONSTRAINT "job_openings_positive" CHECK ("job"."openings" >= 1)
);
--> statement-breakpoint
CREATE TABLE "job_invitation" (
	"job_id" uuid NOT NULL,
	"assistant_id" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "job_invitation_job_id_assistant_id_pk" PRIMARY KEY("job_id","assistant_id")
);
--> statement-breakpoint
CREATE TABLE "notification" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"user_id" text NOT NULL,
	"type" text NOT NULL,
	"data" jsonb NOT NULL,
	"read_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "assistant_profile" (
	"user_id" text PRIMARY KEY NOT NULL,
	"headline" text NOT NULL,
	"bio" text DEFAULT '' NOT NULL,
	"years_experience" integer NOT NULL,
	"skills" text[] DEFAULT '{}'::text[] NOT NULL,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"languages" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"hourly_rate_minor" integer,
	"price_list" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"currency" text DEFAULT 'EUR' NOT NULL,
	"time_zone" text NOT NULL,
	"weekly_hours" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"availability" text DEFAULT 'available' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "assistant_profile_availability_known" CHECK ("assistant_profile"."availability" IN ('available','limited','unavailable')),
	CONSTRAINT "assistant_profile_years_sane" CHECK ("assistant_profile"."years_experience" BETWEEN 0 AND 60)
);
--> statement-breakpoint
CREATE TABLE "client_profile" (
	"user_id" text PRIMARY KEY NOT NULL,
	"display_name" text NOT NULL,
	"country" text NOT NULL,
	"time_zone" text NOT NULL,
	"billing_address" jsonb NOT NULL,
	"vat_id" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "bid_sample" (
	"bid_id" uuid NOT NULL,
	"sample_id" uuid NOT NULL,
	CONSTRAINT "bid_sample_bid_id_sample_id_pk" PRIMARY KEY("bid_id","sample_id")
);
--> statement-breakpoint
CREATE TABLE "work_sample" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_id" text NOT NULL,
	"title" text NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"category" text NOT NULL,
	"visibility" text DEFAULT 'bids_only' NOT NULL,
	"url" text,
	"file_key" text,
	"file_name" text,
	"content_type" text,
	"size_bytes" integer,
	"thumbnail_key" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "work_sample_file_or_link" CHECK (("work_sample"."file_key" IS NULL) <> ("work_sample"."url" IS NULL)),
	CONSTRAINT "work_sample_visibility_known" CHECK ("work_sample"."visibility" IN ('public','bids_only'))
);
--> statement-breakpoint
ALTER TABLE "bid" ADD CONSTRAINT "bid_job_id_job_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."job"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid" ADD CONSTRAINT "bid_assistant_id_user_id_fk" FOREIGN KEY ("assistant_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract" ADD CONSTRAINT "contract_job_id_job_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."job"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract" ADD CONSTRAINT "contract_bid_id_bid_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bid"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract" ADD CONSTRAINT "contract_offer_id_offer_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offer"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract" ADD CONSTRAINT "contract_client_id_user_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract" ADD CONSTRAINT "contract_assistant_id_user_id_fk" FOREIGN KEY ("assistant_id") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer" ADD CONSTRAINT "offer_bid_id_bid_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bid"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offer" ADD CONSTRAINT "offer_job_id_job_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."job"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job" ADD CONSTRAINT "job_client_id_user_id_fk" FOREIGN KEY ("client_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_invitation" ADD CONSTRAINT "job_invitation_job_id_job_id_fk" FOREIGN KEY ("job_id") REFERENCES "public"."job"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "job_invitation" ADD CONSTRAINT "job_invitation_assistant_id_user_id_fk" FOREIGN KEY ("assistant_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "notification" ADD CONSTRAINT "notification_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assistant_profile" ADD CONSTRAINT "assistant_profile_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "client_profile" ADD CONSTRAINT "client_profile_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_sample" ADD CONSTRAINT "bid_sample_bid_id_bid_id_fk" FOREIGN KEY ("bid_id") REFERENCES "public"."bid"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "bid_sample" ADD CONSTRAINT "bid_sample_sample_id_work_sample_id_fk" FOREIGN KEY ("sample_id") REFERENCES "public"."work_sample"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "work_sample" ADD CONSTRAINT "work_sample_owner_id_user_id_fk" FOREIGN KEY ("owner_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "bid_one_active_per_assistant" ON "bid" USING btree ("job_id","assistant_id") WHERE "bid"."status" <> 'withdrawn';--> statement-breakpoint
CREATE INDEX "bid_job_created_idx" ON "bid" USING btree ("job_id","created_at");--> statement-breakpoint
CREATE INDEX "bid_job_rate_idx" ON "bid" USING btree ("job_id","rate_minor");--> statement-breakpoint
CREATE INDEX "bid_assistant_created_idx" ON "bid" USING btree ("assistant_id","created_at");--> statement-breakpoint
CREATE INDEX "contract_client_idx" ON "contract" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "contract_assistant_idx" ON "contract" USING btree ("assistant_id","created_at");--> statement-breakpoint
CREATE INDEX "contract_job_idx" ON "contract" USING btree ("job_id");--> statement-breakpoint
CREATE UNIQUE INDEX "offer_one_pending_per_bid" ON "offer" USING btree ("bid_id") WHERE "offer"."status" = 'pending';--> statement-breakpoint
CREATE INDEX "job_client_created_idx" ON "job" USING btree ("client_id","created_at");--> statement-breakpoint
CREATE INDEX "job_board_idx" ON "job" USING btree ("published_at" DESC NULLS LAST,"id" DESC NULLS LAST) WHERE "job"."status" = 'open' AND "job"."visibility" = 'public';--> statement-breakpoint
CREATE INDEX "job_invitation_assistant_idx" ON "job_invitation" USING btree ("assistant_id");--> statement-breakpoint
CREATE INDEX "notification_user_created_idx" ON "notification" USING btree ("user_id","created_at");--> statement-breakpoint
CREATE INDEX "notification_user_unread_idx" ON "notification" USING btree ("user_id") WHERE "notification"."read_at" IS NULL;--> statement-breakpoint
CREATE INDEX "assistant_profile_skills_idx" ON "assistant_profile" USING gin ("skills");--> statement-breakpoint
CREATE INDEX "bid_sample_sample_idx" ON "bid_sample" USING btree ("sample_id");--> statement-breakpoint
CREATE INDEX "work_sample_owner_idx" ON "work_sample" USING btree ("owner_id","created_at");