CREATE TABLE "match_feedback" (
	"id" serial PRIMARY KEY NOT NULL,
	"participant_id" uuid,
	"offer_id" uuid,
	"category" text NOT NULL,
	"penalty" double precision NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "match_members" (
	"id" serial PRIMARY KEY NOT NULL,
	"match_id" uuid NOT NULL,
	"participant_id" uuid,
	"offer_id" uuid,
	"item_id" uuid,
	"role" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matches" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" text NOT NULL,
	"place_id" integer,
	"pair_key" text NOT NULL,
	"score" double precision NOT NULL,
	"reasons" jsonb NOT NULL,
	"needs_interpreter" boolean DEFAULT false NOT NULL,
	"state" text DEFAULT 'suggested' NOT NULL,
	"dismiss_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "source" text DEFAULT 'telegram' NOT NULL;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "external_ref" text;--> statement-breakpoint
ALTER TABLE "profile_items" ADD COLUMN "match_keys" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "match_feedback" ADD CONSTRAINT "match_feedback_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_feedback" ADD CONSTRAINT "match_feedback_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_members" ADD CONSTRAINT "match_members_match_id_matches_id_fk" FOREIGN KEY ("match_id") REFERENCES "public"."matches"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_members" ADD CONSTRAINT "match_members_participant_id_participants_id_fk" FOREIGN KEY ("participant_id") REFERENCES "public"."participants"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_members" ADD CONSTRAINT "match_members_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "match_members" ADD CONSTRAINT "match_members_item_id_profile_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."profile_items"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "matches" ADD CONSTRAINT "matches_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "match_feedback_participant_idx" ON "match_feedback" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "match_feedback_offer_idx" ON "match_feedback" USING btree ("offer_id");--> statement-breakpoint
CREATE INDEX "match_members_match_idx" ON "match_members" USING btree ("match_id");--> statement-breakpoint
CREATE INDEX "match_members_participant_idx" ON "match_members" USING btree ("participant_id");--> statement-breakpoint
CREATE INDEX "match_members_offer_idx" ON "match_members" USING btree ("offer_id");--> statement-breakpoint
CREATE UNIQUE INDEX "matches_open_pair_uq" ON "matches" USING btree ("pair_key") WHERE state in ('suggested', 'snoozed', 'introduced', 'accepted');--> statement-breakpoint
CREATE INDEX "matches_pair_created_idx" ON "matches" USING btree ("pair_key","created_at");--> statement-breakpoint
CREATE INDEX "matches_place_state_idx" ON "matches" USING btree ("place_id","state","score");--> statement-breakpoint
CREATE INDEX "profile_items_match_keys_gin" ON "profile_items" USING gin ("match_keys");--> statement-breakpoint
ALTER TABLE "participants" ADD CONSTRAINT "participants_external_ref_unique" UNIQUE("external_ref");