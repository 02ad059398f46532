/** Bookkeeping that only matters for a short while (no personal data either way). */
import { sql } from 'drizzle-orm';
import type { Executor } from '../client.js';

/** Drops processed update ids after a week and idle flood-control buckets after an hour. */
export async function pruneBookkeeping(db: Executor): Promise<void> {
  await db.execute(sql`delete from processed_updates where processed_at < now() - interval '7 days'`);
  await db.execute(sql`delete from rate_limits where updated_at < now() - interval '1 hour'`);
}
