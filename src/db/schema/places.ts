import { jsonb, pgTable, serial, text, timestamp } from 'drizzle-orm/pg-core';

/** A first-line service of a place (CAW, OCMW, VDAB…): where a resident is warmly referred. */
export interface PlaceService {
  topics: string[];
  name: string;
  phone?: string;
  address?: string;
  url?: string;
}

/** A Stuyfplek. `code` is the deep-link payload printed on posters: t.me/<bot>?start=<code>. */
export const places = pgTable('places', {
  id: serial('id').primaryKey(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  city: text('city').notNull(),
  contact: text('contact'),
  services: jsonb('services').$type<PlaceService[]>().notNull().default([]),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
