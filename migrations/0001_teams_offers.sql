CREATE TABLE "bot_storage" (
	"key" text PRIMARY KEY NOT NULL,
	"value" jsonb NOT NULL,
	"etag" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "matchmakers" (
	"id" serial PRIMARY KEY NOT NULL,
	"aad_object_id" text NOT NULL,
	"place_id" integer NOT NULL,
	"name" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "matchmakers_person_place_uq" UNIQUE("aad_object_id","place_id")
);
--> statement-breakpoint
CREATE TABLE "organisation_tenants" (
	"tenant_id" text PRIMARY KEY NOT NULL,
	"organisation_id" integer NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "organisations" (
	"id" serial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"contact" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "organisations_code_unique" UNIQUE("code")
);
--> statement-breakpoint
CREATE TABLE "teams_conversations" (
	"conversation_id" text PRIMARY KEY NOT NULL,
	"aad_object_id" text,
	"tenant_id" text,
	"kind" text NOT NULL,
	"reference" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "offers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"organisation_id" integer NOT NULL,
	"author_aad_id" text NOT NULL,
	"kind" text NOT NULL,
	"type" text NOT NULL,
	"title" text NOT NULL,
	"description" text NOT NULL,
	"categories" text[] DEFAULT '{}' NOT NULL,
	"place_codes" text[] DEFAULT '{}' NOT NULL,
	"languages" text[] DEFAULT '{}' NOT NULL,
	"starts_on" date,
	"ends_on" date,
	"capacity" integer,
	"contact" text NOT NULL,
	"status" text DEFAULT 'open' NOT NULL,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "profile_items" ALTER COLUMN "participant_id" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "profile_items" ADD COLUMN "offer_id" uuid;--> statement-breakpoint
ALTER TABLE "profile_items" ADD COLUMN "place_ids" integer[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "profile_items" ADD COLUMN "languages" text[] DEFAULT '{}' NOT NULL;--> statement-breakpoint
ALTER TABLE "profile_items" ADD COLUMN "valid_until" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "matchmakers" ADD CONSTRAINT "matchmakers_place_id_places_id_fk" FOREIGN KEY ("place_id") REFERENCES "public"."places"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "organisation_tenants" ADD CONSTRAINT "organisation_tenants_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "offers" ADD CONSTRAINT "offers_organisation_id_organisations_id_fk" FOREIGN KEY ("organisation_id") REFERENCES "public"."organisations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "teams_conversations_aad_idx" ON "teams_conversations" USING btree ("aad_object_id");--> statement-breakpoint
CREATE INDEX "offers_organisation_idx" ON "offers" USING btree ("organisation_id");--> statement-breakpoint
ALTER TABLE "profile_items" ADD CONSTRAINT "profile_items_offer_id_offers_id_fk" FOREIGN KEY ("offer_id") REFERENCES "public"."offers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "profile_items_offer_idx" ON "profile_items" USING btree ("offer_id");--> statement-breakpoint
ALTER TABLE "profile_items" ADD CONSTRAINT "profile_items_one_owner" CHECK (num_nonnulls("profile_items"."participant_id", "profile_items"."offer_id") = 1);