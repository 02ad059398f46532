/**
 * The guarantees that must hold across app instances, enforced in PostgreSQL: duplicates
 * handled once, one person's turns serialised, flood control shared, nothing before consent.
 */
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIntakeService, type Identity } from '../../src/core/intake-service.js';
import { rowsOf } from '../../src/db/client.js';
import { createIntakeStore, DEFAULT_FLOOD_POLICY } from '../../src/services/intake-store.js';
import { seedPlaces } from '../../src/db/seed.js';
import { openSecondHandle, openTestDatabase, type TestDatabase } from '../support/db.js';
import { count, tablesMentioning } from '../support/inspect.js';

let test: TestDatabase;
let second: Awaited<ReturnType<typeof openSecondHandle>>;

beforeAll(async () => {
  test = await openTestDatabase();
  await seedPlaces(test.handle.db);
  second = await openSecondHandle(test);
});
afterAll(async () => {
  await second.close();
  await test.close();
});

const who = (n: number): Identity => ({ channel: 'telegram', externalId: String(900_000_000 + n), chatId: String(900_000_000 + n) });

const generous = { burst: 1000, perSecond: 1000 };

function services(flood = generous) {
  return [createIntakeService(createIntakeStore(test.handle.db, flood)), createIntakeService(createIntakeStore(second.handle.db, flood))] as const;
}

async function consented(n: number) {
  const [a] = services();
  await a.handle(who(n), undefined, { type: 'button', data: 'cons:y:nl:lier' });
}

describe('intake store', () => {
  it('writes nothing before consent', async () => {
    const [a] = services();
    await a.handle(who(1), 1, { type: 'command', command: 'start', payload: 'lier' });
    await a.handle(who(1), 2, { type: 'button', data: 'lang:nl:lier' });
    expect(await tablesMentioning(test.handle.db, String(900_000_001))).toEqual([]);
  });

  it('handles an update delivered to two instances once', async () => {
    await consented(2);
    const [a, b] = services();
    const input = { type: 'button', data: 'name:o' } as const;
    const outcomes = await Promise.all([a.handle(who(2), 20, input), b.handle(who(2), 20, input), a.handle(who(2), 20, input)]);
    expect(outcomes.filter((o) => o.kind === 'handled')).toHaveLength(1);
    expect(outcomes.filter((o) => o.kind === 'duplicate')).toHaveLength(2);
  });

  it("serialises one person's turns across instances: no lost update", async () => {
    await consented(3);
    const [a, b] = services();
    await a.handle(who(3), undefined, { type: 'text', text: 'Zoë' });
    await a.handle(who(3), undefined, { type: 'button', data: 'place:y' });
    await a.handle(who(3), undefined, { type: 'button', data: 'neighbourhood:skip' });
    const ids = ['cooking', 'baking', 'catering', 'gardening', 'music', 'football', 'driving', 'sewing'];
    await Promise.all(ids.map((id, i) => (i % 2 ? a : b).handle(who(3), undefined, { type: 'button', data: `goesting:t:${id}` })));
    const last = await a.handle(who(3), undefined, { type: 'command', command: 'mydata' });
    expect(last.kind).toBe('handled');
    const state = last.kind === 'handled' ? last.turn.state : null;
    expect([...(state?.draft.goesting.categories ?? [])].sort()).toEqual([...ids].sort());
  });

  it('shares flood control between instances and slows one person only', async () => {
    const [a, b] = services(DEFAULT_FLOOD_POLICY);
    const verdicts: string[] = [];
    for (let i = 0; i < 20; i++) {
      const outcome = await (i % 2 ? a : b).handle(who(4), undefined, { type: 'text', text: 'hi' });
      verdicts.push(outcome.kind === 'flooded' ? (outcome.warn ? 'warn' : 'drop') : outcome.kind);
    }
    expect(verdicts.slice(0, 12)).toEqual(Array(12).fill('handled'));
    expect(verdicts[12]).toBe('warn');
    expect(verdicts.slice(13).every((v) => v === 'drop' || v === 'handled')).toBe(true);
    expect(verdicts.filter((v) => v === 'handled').length).toBeLessThan(16);
    const other = await a.handle(who(5), undefined, { type: 'text', text: 'hi' });
    expect(other.kind).toBe('handled');
    // The flood-control key is a hash: no table holds the raw id.
    expect(await tablesMentioning(test.handle.db, String(900_000_004))).toEqual([]);
  });

  it('stores the confirmed profile as items and forgets everything on request', async () => {
    await consented(6);
    const [a] = services();
    const steps = ['name:y', 'place:y', 'neighbourhood:skip', 'goesting:t:cooking', 'goesting:d', 'skills:t:sewing', 'skills:d', 'needs:d', 'ambition:d', 'availability:d', 'languages:d', 'summary:ok'];
    await a.handle(who(6), undefined, { type: 'text', text: 'Kim' });
    for (const data of steps.slice(1)) {
      const outcome = await a.handle(who(6), undefined, { type: 'button', data });
      expect(outcome.kind === 'handled' && outcome.turn.outputs.every((o) => o.text.key !== 'common.stale'), data).toBe(true);
    }
    expect(await count(test.handle.db, 'profile_items')).toBeGreaterThanOrEqual(2);
    await a.handle(who(6), undefined, { type: 'command', command: 'forget' });
    await a.handle(who(6), undefined, { type: 'button', data: 'forget:yes' });
    expect(await tablesMentioning(test.handle.db, String(900_000_006))).toEqual([]);
    expect(await tablesMentioning(test.handle.db, 'Kim')).toEqual([]);
  });
});

/** A state as version 1 stored it (before `resume`), half-way through the intake. */
function v1State(step: string, extra: Record<string, unknown> = {}) {
  const selection = (categories: string[] = []) => ({ categories, texts: [], voices: [] });
  return {
    v: 1,
    step,
    lang: 'nl',
    status: 'intake',
    paused: false,
    callRequested: false,
    consentedAt: '2026-10-01T08:30:00.000Z',
    draft: { name: 'Noor', placeCode: 'lier', goesting: selection(['cooking']), skills: selection(['sewing']), needs: selection(), ambition: selection(), flags: [], availability: ['mon-morning'], spoken: ['nl'] },
    page: 1,
    awaitingText: false,
    returnToSummary: false,
    referredFlags: [],
    ...extra,
  };
}

/** Overwrites the stored dialogue of `who(n)` the way a deploy before version 2 left it. */
async function storeRaw(n: number, data: unknown): Promise<void> {
  await test.handle.db.execute(sql`update dialogue_states set data = ${JSON.stringify(data)}::jsonb, step = ${(data as { step: string }).step}
    where participant_id = (select participant_id from channel_identities where external_id = ${who(n).externalId})`);
}

async function storedRow(n: number) {
  const [row] = rowsOf<{ version: number; data: Record<string, unknown> }>(
    await test.handle.db.execute(sql`select d.version, d.data from dialogue_states d join channel_identities c using (participant_id) where c.external_id = ${who(n).externalId}`),
  );
  return row!;
}

describe('a state stored before version 2', () => {
  it('resumes the resident at the same question with what they had chosen, and is saved as version 2', async () => {
    await consented(7);
    await storeRaw(7, v1State('skills'));
    const before = await storedRow(7);
    const [a] = services();
    const outcome = await a.handle(who(7), undefined, { type: 'button', data: 'skills:t:cooking' });
    expect(outcome.kind).toBe('handled');
    const turn = outcome.kind === 'handled' ? outcome.turn : undefined;
    const shown = turn?.outputs.find((o) => o.type === 'message');
    expect(shown).toMatchObject({ text: { key: 'skills.ask' }, edit: 'markup' });
    const buttons = shown?.type === 'message' ? (shown.buttons ?? []).flat() : [];
    // Still on the page they were at, sewing still ticked; cooking added; the count says two.
    expect(buttons.find((b) => b.data === 'skills:t:sewing')?.text.prefix).toMatch(/^✅/);
    expect(buttons.find((b) => b.data === 'skills:d')?.text).toMatchObject({ key: 'picker.done', params: { count: 2 } });
    expect(turn?.state).toMatchObject({ v: 2, step: 'skills', page: 1, draft: { name: 'Noor', skills: { categories: ['sewing', 'cooking'] }, goesting: { categories: ['cooking'] } } });
    const after = await storedRow(7);
    expect(after.version).toBe(before.version + 1);
    expect(after.data).toMatchObject({ v: 2, step: 'skills', consentedAt: '2026-10-01T08:30:00.000Z', draft: { skills: { categories: ['sewing', 'cooking'] }, availability: ['mon-morning'] } });
    expect(after.data).not.toHaveProperty('resumeStep');
  });

  it('returns from /language to the step version 1 kept for it', async () => {
    await consented(8);
    await storeRaw(8, v1State('language', { resumeStep: 'availability' }));
    const [a] = services();
    const outcome = await a.handle(who(8), undefined, { type: 'button', data: 'language:en' });
    const keys = outcome.kind === 'handled' ? outcome.turn.outputs.filter((o) => o.type === 'message').map((o) => o.text.key) : [];
    expect(keys).toEqual(['language.changed', 'availability.ask']);
    expect((await storedRow(8)).data).toMatchObject({ v: 2, step: 'availability', lang: 'en', draft: { availability: ['mon-morning'] } });
  });

  it('does not lock out a resident whose stored state is damaged', async () => {
    await consented(9);
    await storeRaw(9, { ...v1State('skills'), step: 'nowhere', draft: { ...v1State('skills').draft, skills: 'sewing' } });
    const [a] = services();
    const outcome = await a.handle(who(9), undefined, { type: 'button', data: 'name:y' });
    const keys = outcome.kind === 'handled' ? outcome.turn.outputs.filter((o) => o.type === 'message').map((o) => o.text.key) : [];
    expect(keys).toEqual(['place.confirm']);
    expect((await storedRow(9)).data).toMatchObject({ v: 2, step: 'place', draft: { name: 'Noor', skills: { categories: [] }, goesting: { categories: ['cooking'] } } });
  });
});
