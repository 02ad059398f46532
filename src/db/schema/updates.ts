import { bigint, doublePrecision, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Update ids already handled, so a redelivered update changes nothing. Holds no personal data. */
export const processedUpdates = pgTable('processed_updates', {
  channel: text('channel').notNull(),
  updateId: bigint('update_id', { mode: 'number' }).notNull(),
  processedAt: timestamp('processed_at', { withTimezone: true }).notNull().defaultNow(),
}, (t) => [primaryKey({ columns: [t.channel, t.updateId] })]);

/** Token buckets for flood control across instances; `key` is a hash, never a raw user id. */
export const rateLimits = pgTable('rate_limits', {
  key: text('key').primaryKey(),
  tokens: doublePrecision('tokens').notNull(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
