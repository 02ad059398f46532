ALTER TABLE "match_members" ADD COLUMN "met" text;--> statement-breakpoint
ALTER TABLE "match_members" ADD COLUMN "outcome" text;