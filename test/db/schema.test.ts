/** What the migrations leave: the indexes queries use, and no others that cost every write. */
import { describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/db/client.js';
import { useTestDatabase } from '../support/db.js';

const test = useTestDatabase();

describe('schema', () => {
  it('has no GIN index on profile items (candidates come from profile_item_keys)', async () => {
    const rows = rowsOf<{ indexname: string }>(
      await test().handle.db.execute(sql`select indexname from pg_indexes where tablename = 'profile_items' and indexdef ilike '%using gin%'`),
    );
    expect(rows).toEqual([]);
  });

  it('keeps the look-up index of item keys', async () => {
    const rows = rowsOf<{ indexname: string }>(await test().handle.db.execute(sql`select indexname from pg_indexes where tablename = 'profile_item_keys' order by indexname`));
    expect(rows.length).toBeGreaterThanOrEqual(2);
  });
});
