/**
 * Matching against the database: candidates from the index keys, suggestions stored once,
 * cooling, pause, "not a fit" feedback, closing an offer — and a cross-language case.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { DEFAULT_MATCHING } from '../../src/core/matching/config.js';
import { createMatcher } from '../../src/core/matching/matcher.js';
import { readOwnWords } from '../../src/core/taxonomy/own-words.js';
import { rowsOf } from '../../src/db/client.js';
import { createMatchingStore, dismissMatch } from '../../src/db/repositories/matching-store.js';
import { listSuggestions } from '../../src/db/repositories/match-queries.js';
import { createOfferStore } from '../../src/db/repositories/offer-store.js';
import { seedPlaces } from '../../src/db/seed.js';
import { matches, matchMembers, organisations, participants } from '../../src/db/schema/index.js';
import { createI18n, translator } from '../../src/i18n/index.js';
import { formatSuggestions } from '../../src/cli/format-suggestions.js';
import { openTestDatabase, type TestDatabase } from '../support/db.js';
import { addResident } from '../support/people.js';

let test: TestDatabase;
let orgId: number;
const matcher = () => createMatcher(createMatchingStore(test.handle.db), DEFAULT_MATCHING);
const db = () => test.handle.db;

beforeAll(async () => {
  test = await openTestDatabase();
  await seedPlaces(db());
  const [org] = await db().insert(organisations).values({ code: 'atelier', name: 'Naaiatelier Lier' }).returning();
  orgId = org!.id;
});
afterAll(async () => {
  await test.close();
});
beforeEach(async () => {
  await db().execute(sql`delete from matches`);
  await db().execute(sql`delete from participants`);
  await db().execute(sql`delete from offers`);
});

const count = async () => Number(rowsOf<{ n: number }>(await db().execute(sql`select count(*)::int as n from matches`))[0]!.n);

describe('complements from the index', () => {
  it('stores one suggestion per pair, never a duplicate, and refreshes it', async () => {
    const jan = await addResident(db(), { name: 'Jan', items: [{ kind: 'need', categories: ['bike_repair'] }] });
    const omar = await addResident(db(), { name: 'Omar', items: [{ kind: 'skill', categories: ['bike_repair'] }] });
    await addResident(db(), { name: 'Far away', place: 'borgerhout', items: [{ kind: 'skill', categories: ['bike_repair'] }] });
    await addResident(db(), { name: 'Other skill', items: [{ kind: 'skill', categories: ['cooking'] }] });
    const plans = await matcher().matchParticipant(jan);
    expect(plans).toHaveLength(1);
    await matcher().matchParticipant(jan);
    await matcher().matchParticipant(omar);
    expect(await count()).toBe(1);
    const [match] = await db().select().from(matches);
    expect(match).toMatchObject({ kind: 'complement', state: 'suggested' });
    const members = await db().select().from(matchMembers).where(eq(matchMembers.matchId, match!.id));
    expect(members.map((m) => [m.participantId, m.role]).sort()).toEqual([[jan, 'receives'], [omar, 'gives']].sort());
  });

  it('leaves out people who paused, and pairs still cooling after "not a fit"', async () => {
    const jan = await addResident(db(), { name: 'Jan', items: [{ kind: 'need', categories: ['bike_repair'] }] });
    await addResident(db(), { name: 'Paused', paused: true, items: [{ kind: 'skill', categories: ['bike_repair'] }] });
    expect(await matcher().matchParticipant(jan)).toEqual([]);
    const omar = await addResident(db(), { name: 'Omar', items: [{ kind: 'skill', categories: ['bike_repair'] }] });
    await matcher().matchParticipant(jan);
    const [match] = await db().select().from(matches);
    const before = match!.score;
    expect(await dismissMatch(db(), match!.id, 'they know each other', DEFAULT_MATCHING.dismissPenalty)).toBe(true);
    await matcher().matchParticipant(jan);
    expect(await count()).toBe(1); // cooling: not suggested again
    // A similar suggestion for Omar, around the same category, now scores lower.
    const lea = await addResident(db(), { name: 'Lea', items: [{ kind: 'need', categories: ['bike_repair'] }] });
    const [similar] = await matcher().matchParticipant(lea);
    expect(similar!.members.map((m) => m.participantId)).toContain(omar);
    expect(similar!.score).toBeLessThan(before);
  });

  it('withdraws the open suggestions of an offer that closes, and never matches it again', async () => {
    const offers = createOfferStore(db());
    const jan = await addResident(db(), { name: 'Jan', items: [{ kind: 'need', categories: ['computer_basics'] }] });
    const course = await offers.create(orgId, 'aad', { kind: 'offer', type: 'course', title: 'PC-les', description: 'Elke maandag', categories: ['computer_basics'], places: ['lier'], languages: ['nl'], startsOn: null, endsOn: null, capacity: null, contact: 'Els' });
    expect(await matcher().matchOffer(course.id)).toHaveLength(1);
    await offers.close(course.id, orgId);
    expect(await matcher().offerClosed(course.id)).toBe(1);
    const [match] = await db().select().from(matches);
    expect(match?.state).toBe('withdrawn');
    expect(await matcher().matchParticipant(jan)).toEqual([]);
  });

  it('finds a group of residents who love the same thing', async () => {
    const ids = [];
    for (const name of ['A', 'B', 'C', 'D']) ids.push(await addResident(db(), { name, items: [{ kind: 'goesting', categories: ['gardening'] }] }));
    const plans = await matcher().matchParticipant(ids[0]!);
    expect(plans.find((p) => p.kind === 'group')?.members).toHaveLength(4);
    await matcher().matchParticipant(ids[1]!);
    const groups = await db().select().from(matches).where(eq(matches.kind, 'group'));
    expect(groups).toHaveLength(1);
  });
});

describe('across languages', () => {
  it('a resident who wrote in Arabic that she sews ↔ a Dutch provider ask for sewing, with Dutch and Arabic reasons', async () => {
    const words = 'أنا أخيط الملابس';
    const { categories } = readOwnWords(words, { part: 'skills', lang: 'ar' });
    expect(categories).toContain('sewing');
    const fatima = await addResident(db(), { name: 'Fatima', languages: ['ar', 'nl'], items: [{ kind: 'skill', categories, text: words }] });
    const ask = await createOfferStore(db()).create(orgId, 'aad', {
      kind: 'ask', type: 'volunteering', title: 'Wie kan naaien?', description: 'Ons naaiatelier zoekt hulp.', categories: ['sewing'],
      places: ['lier'], languages: ['nl'], startsOn: null, endsOn: null, capacity: 2, contact: 'Els',
    });
    const plans = await matcher().matchOffer(ask.id);
    expect(plans).toHaveLength(1);
    expect(plans[0]!.members.map((m) => m.participantId ?? m.offerId)).toEqual([fatima, ask.id]);
    const list = await listSuggestions(db(), { place: 'lier', limit: 10 });
    const i18n = createI18n();
    const nl = formatSuggestions(list, translator(i18n, 'nl'));
    const ar = formatSuggestions(list, translator(i18n, 'ar'));
    expect(nl).toContain('Fatima');
    expect(nl).toContain('Wie kan naaien? (Naaiatelier Lier)');
    expect(nl).toContain('🧵 Naaien');
    expect(nl).toContain('Nederlands');
    expect(ar).toContain('🧵 الخياطة');
    expect(ar).toContain(translator(i18n, 'ar')({ key: 'matching:kind.complement' }));
    expect(ar).not.toContain('matching:');
  });

  it('erases a forgotten resident from every match', async () => {
    const jan = await addResident(db(), { name: 'Jan', items: [{ kind: 'need', categories: ['bike_repair'] }] });
    await addResident(db(), { name: 'Omar', items: [{ kind: 'skill', categories: ['bike_repair'] }] });
    await matcher().matchParticipant(jan);
    await db().execute(sql`delete from matches where id in (select match_id from match_members where participant_id = ${jan})`);
    await db().delete(participants).where(eq(participants.id, jan));
    expect(await count()).toBe(0);
  });
});

describe('index keys', () => {
  it('follow the items: written, changed and removed with them', async () => {
    const jan = await addResident(db(), { name: 'Jan', items: [{ kind: 'need', categories: ['bike_repair', 'cooking'] }] });
    const keys = async () => rowsOf<{ key: string }>(await db().execute(sql`select key from profile_item_keys where participant_id = ${jan} order by key`)).map((r) => r.key);
    const [lier] = rowsOf<{ id: number }>(await db().execute(sql`select id from places where code = 'lier'`));
    expect(await keys()).toEqual([`need:${lier!.id}:bike_repair`, `need:${lier!.id}:cooking`]);
    await db().execute(sql`update profile_items set match_keys = array['need:' || ${lier!.id} || ':sewing'] where participant_id = ${jan}`);
    expect(await keys()).toEqual([`need:${lier!.id}:sewing`]);
    await db().delete(participants).where(eq(participants.id, jan));
    expect(await keys()).toEqual([]);
  });
});
