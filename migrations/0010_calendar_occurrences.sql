CREATE TABLE "contract_event_occurrence" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"event_id" uuid NOT NULL,
	"original_starts_at" timestamp with time zone NOT NULL,
	"cancelled" boolean DEFAULT false NOT NULL,
	"starts_at" timestamp with time zone,
	"ends_at" timestamp with time zone,
	"title" text,
	"location" text,
	"url" text,
	"notes" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "contract_event_occurrence_original_unique" UNIQUE("event_id","original_starts_at"),
	CONSTRAINT "contract_event_occurrence_times" CHECK (("contract_event_occurrence"."starts_at" IS NULL) = ("contract_event_occurrence"."ends_at" IS NULL) AND ("contract_event_occurrence"."starts_at" IS NULL OR "contract_event_occurrence"."ends_at" > "contract_event_occurrence"."starts_at")),
	CONSTRAINT "contract_event_occurrence_title_length" CHECK (char_length("contract_event_occurrence"."title") BETWEEN 1 AND 200),
	CONSTRAINT "contract_event_occurrence_notes_length" CHECK (char_length("contract_event_occurrence"."notes") <= 5000),
	CONSTRAINT "contract_event_occurrence_url_http" CHECK ("contract_event_occurrence"."url" IS NULL OR "contract_event_occurrence"."url" = '' OR "contract_event_occurrence"."url" ~* '^https?://')
);
--> statement-breakpoint
ALTER TABLE "contract_event_occurrence" ADD CONSTRAINT "contract_event_occurrence_event_id_contract_event_id_fk" FOREIGN KEY ("event_id") REFERENCES "public"."contract_event"("id") ON DELETE cascade ON UPDATE no action;