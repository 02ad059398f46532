import { bigserial, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { matches } from './matches.js';
import { participants } from './participants.js';
import { places } from './places.js';

/** Every step of the journey, for impact figures; written by triggers (migration 0010), never by hand. */
export const EVENT_KINDS = [
  'joined',
  'profile_confirmed',
  'suggested',
  'introduced',
  'accepted',
  'declined',
  'met',
  'first_meeting',
  'outcome',
  'referral',
  'paused',
  'forgotten',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/**
 * One event with its time and place. The person and match links are set to null when they are
 * erased (`/forget`, retention), so what stays is anonymous: a kind, a place, a moment, and for
 * `outcome` the outcome code, for `suggested` the match kind, for `first_meeting` the days since
 * joining. Never names, ids of erased people, or free text.
 */
export const events = pgTable('events', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  kind: text('kind', { enum: EVENT_KINDS }).notNull(),
  at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  placeId: integer('place_id').references(() => places.id, { onDelete: 'set null' }),
  participantId: uuid('participant_id').references(() => participants.id, { onDelete: 'set null' }),
  matchId: uuid('match_id').references(() => matches.id, { onDelete: 'set null' }),
  /** A code from a closed list (outcome, match kind); never free text. */
  detail: text('detail'),
  /** For `first_meeting`: whole days from joining to the first meeting. */
  days: integer('days'),
}, (t) => [index('events_kind_at_idx').on(t.kind, t.at), index('events_place_at_idx').on(t.placeId, t.at), index('events_participant_idx').on(t.participantId)]);
