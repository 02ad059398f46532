import { date, index, integer, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from './organisations.js';

import { OFFER_KINDS, OFFER_TYPES } from '../../core/offers/offer-form.js';

/** What a provider offers or asks, as posted from Teams. Its matching data lives in `profile_items`. */
export const offers = pgTable('offers', {
  id: uuid('id').primaryKey().defaultRandom(),
  organisationId: integer('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
  authorAadId: text('author_aad_id').notNull(),
  kind: text('kind', { enum: OFFER_KINDS }).notNull(),
  type: text('type', { enum: OFFER_TYPES }).notNull(),
  title: text('title').notNull(),
  description: text('description').notNull(),
  categories: text('categories').array().notNull().default([]),
  placeCodes: text('place_codes').array().notNull().default([]),
  languages: text('languages').array().notNull().default([]),
  startsOn: date('starts_on'),
  endsOn: date('ends_on'),
  capacity: integer('capacity'),
  contact: text('contact').notNull(),
  status: text('status', { enum: ['open', 'closed'] }).notNull().default('open'),
  closedAt: timestamp('closed_at', { withTimezone: true }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('offers_organisation_idx').on(t.organisationId)]);
