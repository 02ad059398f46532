CREATE TABLE "profile_item_keys" (
	"key" text NOT NULL,
	"item_id" uuid NOT NULL,
	"participant_id" uuid,
	"offer_id" uuid,
	"created_at" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone,
	CONSTRAINT "profile_item_keys_key_item_id_pk" PRIMARY KEY("key","item_id")
);
--> statement-breakpoint
ALTER TABLE "profile_item_keys" ADD CONSTRAINT "profile_item_keys_item_id_profile_items_id_fk" FOREIGN KEY ("item_id") REFERENCES "public"."profile_items"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "profile_item_keys_newest_idx" ON "profile_item_keys" USING btree ("key","created_at" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "profile_item_keys_item_idx" ON "profile_item_keys" USING btree ("item_id");