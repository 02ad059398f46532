import { boolean, index, integer, jsonb, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { places } from './places.js';

/** A resident who consented. Rows exist only after the *Yes* to the privacy question. */
export const participants = pgTable('participants', {
  id: uuid('id').primaryKey().defaultRandom(),
  placeId: integer('place_id').references(() => places.id, { onDelete: 'set null' }),
  displayName: text('display_name'),
  neighbourhood: text('neighbourhood'),
  language: text('language').notNull(),
  spokenLanguages: text('spoken_languages').array().notNull().default([]),
  availability: text('availability').array().notNull().default([]),
  sensitiveFlags: text('sensitive_flags').array().notNull().default([]),
  callRequested: boolean('call_requested').notNull().default(false),
  paused: boolean('paused').notNull().default(false),
  status: text('status', { enum: ['intake', 'active'] }).notNull().default('intake'),
  /** Where the person came from: the Telegram intake, or an imported list (with its row id). */
  source: text('source', { enum: ['telegram', 'import'] }).notNull().default('telegram'),
  externalRef: text('external_ref').unique(),
  confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  /** When the one warning before erasure for inactivity was sent (see retention). */
  retentionWarnedAt: timestamp('retention_warned_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('participants_place_idx').on(t.placeId)]);

/** How a participant is reached on a channel (Telegram user id and chat id). */
export const channelIdentities = pgTable('channel_identities', {
  id: uuid('id').primaryKey().defaultRandom(),
  participantId: uuid('participant_id').notNull().references(() => participants.id, { onDelete: 'cascade' }),
  channel: text('channel', { enum: ['telegram', 'playground'] }).notNull(),
  externalId: text('external_id').notNull(),
  chatId: text('chat_id').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [unique('channel_identities_channel_external_uq').on(t.channel, t.externalId), index('channel_identities_participant_idx').on(t.participantId)]);

/** Each consent separately (profile, sharing with the matchmaker, evaluation), with how it was given. */
export const consents = pgTable('consents', {
  id: uuid('id').primaryKey().defaultRandom(),
  participantId: uuid('participant_id').notNull().references(() => participants.id, { onDelete: 'cascade' }),
  purpose: text('purpose', { enum: ['profile', 'matchmaker', 'evaluation'] }).notNull(),
  method: text('method').notNull(),
  grantedAt: timestamp('granted_at', { withTimezone: true }).notNull().defaultNow(),
  withdrawnAt: timestamp('withdrawn_at', { withTimezone: true }),
}, (t) => [index('consents_participant_idx').on(t.participantId)]);

/** The resumable dialogue: the step and draft as data, versioned for optimistic updates. */
export const dialogueStates = pgTable('dialogue_states', {
  participantId: uuid('participant_id').primaryKey().references(() => participants.id, { onDelete: 'cascade' }),
  version: integer('version').notNull().default(1),
  step: text('step').notNull(),
  data: jsonb('data').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
