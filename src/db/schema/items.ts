import { sql } from 'drizzle-orm';
import { check, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { participants } from './participants.js';
import { offers } from './offers.js';

export const ITEM_KINDS = ['goesting', 'skill', 'need', 'ambition', 'offer', 'ask'] as const;

/**
 * What someone loves, can do, needs or dreams of — or what a provider offers or asks — as shared
 * categories, so matching treats residents and providers alike. Exactly one owner. Candidates are
 * looked up through `profile_item_keys`, so the arrays themselves carry no index.
 */
export const profileItems = pgTable('profile_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  participantId: uuid('participant_id').references(() => participants.id, { onDelete: 'cascade' }),
  offerId: uuid('offer_id').references(() => offers.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: ITEM_KINDS }).notNull(),
  categories: text('categories').array().notNull().default([]),
  freeText: text('free_text'),
  voiceFileId: text('voice_file_id'),
  placeIds: integer('place_ids').array().notNull().default([]),
  languages: text('languages').array().notNull().default([]),
  validUntil: timestamp('valid_until', { withTimezone: true }),
  /** `kind:place:category` keys (see core/matching/keys.ts), copied to `profile_item_keys` by a trigger. */
  matchKeys: text('match_keys').array().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('profile_items_participant_idx').on(t.participantId),
  index('profile_items_offer_idx').on(t.offerId),
  check('profile_items_one_owner', sql`num_nonnulls(${t.participantId}, ${t.offerId}) = 1`),
]);

/**
 * One row per index key of an item, kept in step with `profile_items.match_keys` by a trigger
 * (migration 0005). Ordered per key by creation (a covering index, also in 0005), so "the newest N with this key" reads a few
 * index entries whatever the population.
 */
export const profileItemKeys = pgTable('profile_item_keys', {
  key: text('key').notNull(),
  itemId: uuid('item_id').notNull().references(() => profileItems.id, { onDelete: 'cascade' }),
  participantId: uuid('participant_id'),
  offerId: uuid('offer_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  validUntil: timestamp('valid_until', { withTimezone: true }),
  // The look-up index, (key, created_at desc) covering the owner ids, is created in migration 0005.
}, (t) => [primaryKey({ columns: [t.key, t.itemId] }), index('profile_item_keys_item_idx').on(t.itemId)]);
