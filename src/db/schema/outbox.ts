import { bigserial, index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { participants } from './participants.js';
import { matches } from './matches.js';

export const OUTBOX_STATUSES = ['pending', 'sending', 'sent', 'failed'] as const;

/**
 * Every message the system sends on its own, written in the same transaction as its cause and
 * delivered by a worker: claimed with FOR UPDATE SKIP LOCKED, retried with backoff, never lost.
 */
export const outbox = pgTable('outbox', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  channel: text('channel', { enum: ['telegram', 'teams', 'internal', 'playground'] }).notNull(),
  kind: text('kind').notNull(),
  /** The same logical message is written once, however often its cause is replayed. */
  dedupeKey: text('dedupe_key').notNull().unique(),
  participantId: uuid('participant_id').references(() => participants.id, { onDelete: 'cascade' }),
  matchId: uuid('match_id').references(() => matches.id, { onDelete: 'cascade' }),
  payload: jsonb('payload').notNull(),
  status: text('status', { enum: OUTBOX_STATUSES }).notNull().default('pending'),
  attempts: integer('attempts').notNull().default(0),
  nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true }).notNull().defaultNow(),
  claimedUntil: timestamp('claimed_until', { withTimezone: true }),
  lastError: text('last_error'),
  result: jsonb('result'),
  sentAt: timestamp('sent_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('outbox_due_idx').on(t.nextAttemptAt).where(sql`status in ('pending', 'sending')`), index('outbox_participant_idx').on(t.participantId)]);

/** Where a match's card was shown to a matchmaker, so it can be updated in place. */
export const matchCards = pgTable('match_cards', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  matchId: uuid('match_id').notNull().references(() => matches.id, { onDelete: 'cascade' }),
  conversationId: text('conversation_id').notNull(),
  activityId: text('activity_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('match_cards_match_idx').on(t.matchId)]);
