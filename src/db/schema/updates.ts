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

/**
 * Scheduled jobs (retention, pruning): an instance runs a job only after claiming its row, by
 * moving `next_run_at` on; so each run happens once, on one instance, however many there are.
 */
export const jobs = pgTable('jobs', {
  name: text('name').primaryKey(),
  nextRunAt: timestamp('next_run_at', { withTimezone: true }).notNull(),
  lastStartedAt: timestamp('last_started_at', { withTimezone: true }),
  lastFinishedAt: timestamp('last_finished_at', { withTimezone: true }),
  lastError: text('last_error'),
});
