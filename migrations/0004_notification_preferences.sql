CREATE TABLE "notification_preference" (
	"user_id" text NOT NULL,
	"type" text NOT NULL,
	"channel" text NOT NULL,
	CONSTRAINT "notification_preference_user_id_type_pk" PRIMARY KEY("user_id","type"),
	CONSTRAINT "notification_preference_channel_known" CHECK ("notification_preference"."channel" IN ('email','digest','in_app','off'))
);
--> statement-breakpoint
ALTER TABLE "notification" ADD COLUMN "digest_pending" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "notification_preference" ADD CONSTRAINT "notification_preference_user_id_user_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."user"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "notification_digest_pending_idx" ON "notification" USING btree ("user_id") WHERE "notification"."digest_pending";