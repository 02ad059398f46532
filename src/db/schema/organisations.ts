import { index, integer, jsonb, pgTable, serial, text, timestamp, unique } from 'drizzle-orm/pg-core';
import { places } from './places.js';

/** A service provider (VDAB, OCMW, CAW, buurtwerk, a vzw, a local business) allowed to post. */
export const organisations = pgTable('organisations', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  contact: text('contact'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** The Microsoft Entra (Azure AD) tenants an organisation posts from. */
export const organisationTenants = pgTable('organisation_tenants', {
  tenantId: text('tenant_id').primaryKey(),
  organisationId: integer('organisation_id').notNull().references(() => organisations.id, { onDelete: 'cascade' }),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});

/** A Stuyfplekhouder of one place, known by their Entra object id. */
export const matchmakers = pgTable('matchmakers', {
  id: serial('id').primaryKey(),
  aadObjectId: text('aad_object_id').notNull(),
  placeId: integer('place_id').notNull().references(() => places.id, { onDelete: 'cascade' }),
  name: text('name').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [unique('matchmakers_person_place_uq').on(t.aadObjectId, t.placeId)]);

/** Where the bot can write to someone later (proactive messages): a Bot Framework conversation reference. */
export const teamsConversations = pgTable('teams_conversations', {
  conversationId: text('conversation_id').primaryKey(),
  aadObjectId: text('aad_object_id'),
  tenantId: text('tenant_id'),
  kind: text('kind').notNull(),
  reference: jsonb('reference').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [index('teams_conversations_aad_idx').on(t.aadObjectId)]);

/** botbuilder `Storage` for teams-ai turn state, with an etag for optimistic concurrency. */
export const botStorage = pgTable('bot_storage', {
  key: text('key').primaryKey(),
  value: jsonb('value').notNull(),
  etag: integer('etag').notNull().default(1),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
