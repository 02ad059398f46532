/** The botbuilder Storage contract on PostgreSQL: what teams-ai keeps survives and is shared. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTeamsStorage } from '../../../src/channels/teams/storage.js';
import { StorageConflictError } from '../../../src/core/storage/key-value.js';
import { createBotStorageRepository } from '../../../src/db/repositories/bot-storage.js';
import { openTestDatabase, type TestDatabase } from '../../support/db.js';

const createPostgresStorage = (db: TestDatabase['handle']['db']) => createTeamsStorage(createBotStorageRepository(db));

let test: TestDatabase;
beforeAll(async () => {
  test = await openTestDatabase();
});
afterAll(async () => {
  await test.close();
});

describe('Postgres bot storage', () => {
  it('reads what was written, across storage instances, and deletes', async () => {
    const a = createPostgresStorage(test.handle.db);
    const b = createPostgresStorage(test.handle.db);
    await a.write({ 'msteams/bot/conversations/c1': { count: 1, nested: { x: 'y' } } });
    const read = await b.read(['msteams/bot/conversations/c1', 'missing']);
    expect(read['msteams/bot/conversations/c1']).toMatchObject({ count: 1, nested: { x: 'y' } });
    expect(read.missing).toBeUndefined();
    await b.delete(['msteams/bot/conversations/c1']);
    expect(await a.read(['msteams/bot/conversations/c1'])).toEqual({});
  });

  it('refuses a write based on a stale eTag, accepts the fresh one and "*"', async () => {
    const s = createPostgresStorage(test.handle.db);
    await s.write({ k: { v: 1 } });
    const first = (await s.read(['k'])).k as { eTag: string };
    await s.write({ k: { v: 2, eTag: first.eTag } });
    await expect(s.write({ k: { v: 3, eTag: first.eTag } })).rejects.toThrow(StorageConflictError);
    await s.write({ k: { v: 4, eTag: '*' } });
    expect(((await s.read(['k'])).k as { v: number }).v).toBe(4);
  });
});
