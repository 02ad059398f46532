-- Keeps profile_item_keys in step with profile_items.match_keys (custom migration: drizzle-kit
-- does not generate triggers). Every writer of items — intake, offers, import — is covered.
CREATE OR REPLACE FUNCTION sync_profile_item_keys() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM profile_item_keys WHERE item_id = NEW.id;
  INSERT INTO profile_item_keys (key, item_id, participant_id, offer_id, created_at, valid_until)
  SELECT DISTINCT k, NEW.id, NEW.participant_id, NEW.offer_id, NEW.created_at, NEW.valid_until
  FROM unnest(NEW.match_keys) AS k;
  RETURN NEW;
END
$$;
--> statement-breakpoint
CREATE TRIGGER profile_item_keys_sync
AFTER INSERT OR UPDATE OF match_keys, valid_until, participant_id, offer_id ON profile_items
FOR EACH ROW EXECUTE FUNCTION sync_profile_item_keys();
--> statement-breakpoint
INSERT INTO profile_item_keys (key, item_id, participant_id, offer_id, created_at, valid_until)
SELECT DISTINCT k, i.id, i.participant_id, i.offer_id, i.created_at, i.valid_until
FROM profile_items i, unnest(i.match_keys) AS k
ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Covering index for the candidate look-up: the newest entries of a key without touching the table.
CREATE INDEX IF NOT EXISTS profile_item_keys_newest_covering_idx ON profile_item_keys (key, created_at DESC) INCLUDE (participant_id, offer_id, valid_until);
