/** Suggestions of one place inside the digest window go out as one card per matchmaker chat, not a flood. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { DEFAULT_MATCHING } from '../../src/core/matching/config.js';
import { createMatcher } from '../../src/core/matching/matcher.js';
import { createMatchingStore } from '../../src/db/repositories/matching-store.js';
import { seedPlaces } from '../../src/db/seed.js';
import { matchmakers, outbox, places, teamsConversations } from '../../src/db/schema/index.js';
import { createOutboxWorker } from '../../src/services/outbox/worker.js';
import { createInternalDeliverer } from '../../src/services/outbox/internal.js';
import { createLogger } from '../../src/logger.js';
import { openTestDatabase, type TestDatabase } from '../support/db.js';
import { addResident } from '../support/people.js';

let test: TestDatabase;
const db = () => test.handle.db;
beforeAll(async () => {
  test = await openTestDatabase();
  await seedPlaces(db());
});
afterAll(async () => {
  await test.close();
});

describe('matchmaker digest', () => {
  it('bundles the suggestions of a window into one card per matchmaker conversation', async () => {
    const [lier] = await db().select().from(places).where(eq(places.code, 'lier'));
    for (const aad of ['aad-1', 'aad-2']) {
      await db().insert(matchmakers).values({ aadObjectId: aad, placeId: lier!.id, name: aad });
      await db().insert(teamsConversations).values({ conversationId: `conv-${aad}`, aadObjectId: aad, kind: 'personal', reference: { conversation: { id: `conv-${aad}` } } });
    }
    // A window of a year: every suggestion of this test falls in the same one.
    const matcher = createMatcher(createMatchingStore(db(), { digestSeconds: 365 * 86_400 }), DEFAULT_MATCHING);
    const needs = [];
    for (const name of ['A', 'B', 'C']) needs.push(await addResident(db(), { name, items: [{ kind: 'need', categories: ['bike_repair'] }] }));
    await addResident(db(), { name: 'Fixer', items: [{ kind: 'skill', categories: ['bike_repair'] }] });
    for (const id of needs) await matcher.matchParticipant(id);
    const digests = await db().select().from(outbox).where(eq(outbox.kind, 'matchmaker.digest'));
    expect(digests).toHaveLength(1);
    expect(digests[0]!.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());

    // Nothing goes out before the window closes; then one card per conversation with all three.
    const worker = createOutboxWorker({ db: db(), log: createLogger('silent'), deliverers: { internal: createInternalDeliverer(db()), teams: async () => ({}) } });
    await worker.drain();
    expect(await db().select().from(outbox).where(eq(outbox.kind, 'matchmaker.card'))).toHaveLength(0);
    await db().execute(sql`update outbox set next_attempt_at = now()`);
    await worker.drain();
    const cards = await db().select().from(outbox).where(eq(outbox.kind, 'matchmaker.card'));
    expect(cards).toHaveLength(2);
    for (const card of cards) expect((card.payload as { matchIds: string[] }).matchIds).toHaveLength(3);
  });
});
