CREATE TABLE "contract_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"contract_id" uuid NOT NULL,
	"created_by" text NOT NULL,
	"title" text NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"all_day" boolean DEFAULT false NOT NULL,
	"time_zone" text NOT NULL,
	"location" text DEFAULT '' NOT NULL,
	"url" text,
	"notes" text DEFAULT '' NOT NULL,
	"rrule" text,
	"sequence" integer DEFAULT 0 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_event_ends_after_start" CHECK ("contract_event"."ends_at" > "contract_event"."starts_at"),
	CONSTRAINT "contract_event_title_length" CHECK (char_length("contract_event"."title") BETWEEN 1 AND 200),
	CONSTRAINT "contract_event_notes_length" CHECK (char_length("contract_event"."notes") <= 5000),
	CONSTRAINT "contract_event_url_http" CHECK ("contract_event"."url" IS NULL OR "contract_event"."url" ~* '^https?://'),
	CONSTRAINT "contract_event_sequence_counts" CHECK ("contract_event"."sequence" >= 0)
);
--> statement-breakpoint
ALTER TABLE "contract_event" ADD CONSTRAINT "contract_event_contract_id_contract_id_fk" FOREIGN KEY ("contract_id") REFERENCES "public"."contract"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "contract_event" ADD CONSTRAINT "contract_event_created_by_user_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "contract_event_contract_starts_idx" ON "contract_event" USING btree ("contract_id","starts_at");