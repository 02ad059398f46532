-- Impact events (see src/db/schema/events.ts), written by triggers so that every path that
-- changes a participant or a match — the dialogue, Teams, the importer, the admin tool,
-- retention — records the same events, in the same transaction.

CREATE OR REPLACE FUNCTION goesting_participant_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO events (kind, at, place_id, participant_id) VALUES ('joined', NEW.created_at, NEW.place_id, NEW.id);
    IF NEW.confirmed_at IS NOT NULL THEN
      INSERT INTO events (kind, at, place_id, participant_id) VALUES ('profile_confirmed', NEW.confirmed_at, NEW.place_id, NEW.id);
    END IF;
    RETURN NEW;
  ELSIF TG_OP = 'UPDATE' THEN
    IF OLD.place_id IS NULL AND NEW.place_id IS NOT NULL THEN
      -- The place was chosen after joining: the earlier events belong to it too.
      UPDATE events SET place_id = NEW.place_id WHERE participant_id = NEW.id AND place_id IS NULL;
    END IF;
    IF OLD.confirmed_at IS NULL AND NEW.confirmed_at IS NOT NULL THEN
      INSERT INTO events (kind, place_id, participant_id) VALUES ('profile_confirmed', NEW.place_id, NEW.id);
    END IF;
    IF NOT OLD.paused AND NEW.paused THEN
      INSERT INTO events (kind, place_id, participant_id) VALUES ('paused', NEW.place_id, NEW.id);
    END IF;
    IF NOT OLD.call_requested AND NEW.call_requested THEN
      INSERT INTO events (kind, place_id, participant_id) VALUES ('referral', NEW.place_id, NEW.id);
    END IF;
    RETURN NEW;
  ELSE
    -- Erased: only the anonymous fact remains (the other events lose the link by ON DELETE SET NULL).
    INSERT INTO events (kind, place_id) VALUES ('forgotten', OLD.place_id);
    RETURN OLD;
  END IF;
END $$;
--> statement-breakpoint
CREATE TRIGGER participants_events AFTER INSERT OR UPDATE OR DELETE ON participants
  FOR EACH ROW EXECUTE FUNCTION goesting_participant_events();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION goesting_match_events() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO events (kind, at, place_id, match_id, detail) VALUES ('suggested', NEW.created_at, NEW.place_id, NEW.id, NEW.kind);
  ELSIF NEW.state IS DISTINCT FROM OLD.state AND NEW.state IN ('introduced', 'accepted', 'declined', 'met') THEN
    INSERT INTO events (kind, place_id, match_id, detail) VALUES (NEW.state, NEW.place_id, NEW.id, NEW.kind);
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER matches_events AFTER INSERT OR UPDATE OF state ON matches
  FOR EACH ROW EXECUTE FUNCTION goesting_match_events();
--> statement-breakpoint
CREATE OR REPLACE FUNCTION goesting_member_events() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  match_place integer;
  joined_at timestamptz;
BEGIN
  IF NEW.participant_id IS NULL THEN
    RETURN NEW;
  END IF;
  SELECT place_id INTO match_place FROM matches WHERE id = NEW.match_id;
  IF NEW.outcome IS NOT NULL AND NEW.outcome IS DISTINCT FROM OLD.outcome THEN
    INSERT INTO events (kind, place_id, participant_id, match_id, detail) VALUES ('outcome', match_place, NEW.participant_id, NEW.match_id, NEW.outcome);
  END IF;
  IF NEW.met = 'met' AND OLD.met IS DISTINCT FROM 'met'
     AND NOT EXISTS (SELECT 1 FROM events WHERE kind = 'first_meeting' AND participant_id = NEW.participant_id) THEN
    SELECT created_at INTO joined_at FROM participants WHERE id = NEW.participant_id;
    INSERT INTO events (kind, place_id, participant_id, match_id, days)
      VALUES ('first_meeting', match_place, NEW.participant_id, NEW.match_id, floor(extract(epoch FROM now() - joined_at) / 86400)::integer);
  END IF;
  RETURN NEW;
END $$;
--> statement-breakpoint
CREATE TRIGGER match_members_events AFTER UPDATE OF met, outcome ON match_members
  FOR EACH ROW EXECUTE FUNCTION goesting_member_events();
--> statement-breakpoint
-- What happened before events were kept, as far as the tables tell.
INSERT INTO events (kind, at, place_id, participant_id) SELECT 'joined', created_at, place_id, id FROM participants;
--> statement-breakpoint
INSERT INTO events (kind, at, place_id, participant_id) SELECT 'profile_confirmed', confirmed_at, place_id, id FROM participants WHERE confirmed_at IS NOT NULL;
--> statement-breakpoint
INSERT INTO events (kind, at, place_id, match_id, detail) SELECT 'suggested', created_at, place_id, id, kind FROM matches;
--> statement-breakpoint
INSERT INTO events (kind, at, place_id, match_id, detail) SELECT 'introduced', introduced_at, place_id, id, kind FROM matches WHERE introduced_at IS NOT NULL;
--> statement-breakpoint
INSERT INTO events (kind, at, place_id, match_id, detail) SELECT 'accepted', updated_at, place_id, id, kind FROM matches WHERE state IN ('accepted', 'met');
--> statement-breakpoint
INSERT INTO events (kind, at, place_id, match_id, detail) SELECT state, updated_at, place_id, id, kind FROM matches WHERE state IN ('declined', 'met');
--> statement-breakpoint
INSERT INTO events (kind, at, place_id, participant_id, match_id, detail)
  SELECT 'outcome', coalesce(mm.answered_at, m.updated_at), m.place_id, mm.participant_id, m.id, mm.outcome
  FROM match_members mm JOIN matches m ON m.id = mm.match_id WHERE mm.outcome IS NOT NULL AND mm.participant_id IS NOT NULL;
