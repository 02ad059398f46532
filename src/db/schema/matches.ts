import { boolean, doublePrecision, index, integer, jsonb, pgTable, serial, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import type { Reason } from '../../core/matching/types.js';
import { offers } from './offers.js';
import { participants } from './participants.js';
import { places } from './places.js';
import { profileItems } from './items.js';

export const MATCH_KINDS = ['complement', 'group', 'ambition'] as const;
export const MATCH_STATES = ['suggested', 'dismissed', 'snoozed', 'introduced', 'accepted', 'declined', 'met', 'closed', 'withdrawn'] as const;

/** A promising connection the engine found, with its reasons; the matchmaker decides. */
export const matches = pgTable('matches', {
  id: uuid('id').primaryKey().defaultRandom(),
  kind: text('kind', { enum: MATCH_KINDS }).notNull(),
  placeId: integer('place_id').references(() => places.id, { onDelete: 'set null' }),
  /** The same people (and, for groups, the same place and goesting) always give the same key. */
  pairKey: text('pair_key').notNull(),
  score: doublePrecision('score').notNull(),
  reasons: jsonb('reasons').$type<Reason[]>().notNull(),
  needsInterpreter: boolean('needs_interpreter').notNull().default(false),
  state: text('state', { enum: MATCH_STATES }).notNull().default('suggested'),
  dismissReason: text('dismiss_reason'),
  /** Set when the suggestion went into a matchmaker digest (each goes into exactly one). */
  notifiedAt: timestamp('notified_at', { withTimezone: true }),
  introducedAt: timestamp('introduced_at', { withTimezone: true }),
  /** How to meet, as the matchmaker proposed it on *Introduce* (moment and place); else first names and contact. */
  meetingNote: text('meeting_note'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  uniqueIndex('matches_open_pair_uq').on(t.pairKey).where(sql`state in ('suggested', 'snoozed', 'introduced', 'accepted')`),
  index('matches_pair_created_idx').on(t.pairKey, t.createdAt),
  index('matches_place_state_idx').on(t.placeId, t.state, t.score),
]);

/** Who is in a match, and as what (gives, receives, member, provider). */
export const matchMembers = pgTable('match_members', {
  id: serial('id').primaryKey(),
  matchId: uuid('match_id').notNull().references(() => matches.id, { onDelete: 'cascade' }),
  participantId: uuid('participant_id').references(() => participants.id, { onDelete: 'cascade' }),
  offerId: uuid('offer_id').references(() => offers.id, { onDelete: 'cascade' }),
  itemId: uuid('item_id').references(() => profileItems.id, { onDelete: 'set null' }),
  role: text('role').notNull(),
  /** A resident's answer to the introduction: yes, no or later. */
  answer: text('answer', { enum: ['yes', 'no', 'later'] }),
  answeredAt: timestamp('answered_at', { withTimezone: true }),
  /** The follow-up: did they meet, and what came of it (training, work, a new friend…). */
  met: text('met', { enum: ['met', 'notYet', 'no'] }),
  outcome: text('outcome'),
}, (t) => [
  index('match_members_match_idx').on(t.matchId),
  index('match_members_participant_idx').on(t.participantId),
  index('match_members_offer_idx').on(t.offerId),
]);

/** "Not a fit": lowers later suggestions for the same person or offer around the same categories. */
export const matchFeedback = pgTable('match_feedback', {
  id: serial('id').primaryKey(),
  participantId: uuid('participant_id').references(() => participants.id, { onDelete: 'cascade' }),
  offerId: uuid('offer_id').references(() => offers.id, { onDelete: 'cascade' }),
  category: text('category').notNull(),
  penalty: doublePrecision('penalty').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('match_feedback_participant_idx').on(t.participantId), index('match_feedback_offer_idx').on(t.offerId)]);
