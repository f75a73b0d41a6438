-- Databases created before decision 0010 hold the constraint over btree_gist. Rebuild it over the
-- person range (as 0006 now creates it) and drop the extension; on newer databases this only
-- rebuilds the same constraint.
DO $$ BEGIN
  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'person_range') THEN
    CREATE TYPE "person_range" AS RANGE (subtype = text, collation = "C");
  END IF;
END $$;--> statement-breakpoint
ALTER TABLE "interview_hold" DROP CONSTRAINT IF EXISTS "interview_hold_no_overlap";--> statement-breakpoint
ALTER TABLE "interview_hold" ADD CONSTRAINT "interview_hold_no_overlap" EXCLUDE USING gist (person_range("user_id", "user_id", '[]') WITH &&, tstzrange("starts_at", "ends_at", '[)') WITH &&);--> statement-breakpoint
DROP EXTENSION IF EXISTS btree_gist;
