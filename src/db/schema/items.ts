import { index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { participants } from './participants.js';

export const ITEM_KINDS = ['goesting', 'skill', 'need', 'ambition', 'offer', 'ask'] as const;

/** What someone loves, can do, needs or dreams of, as shared categories (GIN-indexed for matching). */
export const profileItems = pgTable('profile_items', {
  id: uuid('id').primaryKey().defaultRandom(),
  participantId: uuid('participant_id').notNull().references(() => participants.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: ITEM_KINDS }).notNull(),
  categories: text('categories').array().notNull().default([]),
  freeText: text('free_text'),
  voiceFileId: text('voice_file_id'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [
  index('profile_items_participant_idx').on(t.participantId),
  index('profile_items_categories_gin').using('gin', t.categories),
]);
