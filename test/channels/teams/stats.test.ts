/**
 * `stats` in Teams: a matchmaker gets the figures of their places with a chart (a real PNG);
 * a place that is not theirs, unknown words and people who are not matchmakers are answered kindly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { monthOf } from '../../../src/core/impact/period.js';
import { parseStatsArgs, periodLabel } from '../../../src/channels/cards/stats.js';
import { addResident } from '../../support/people.js';
import { cardTextOf, register, startTeamsHarness, TeamsUser, type TeamsHarness } from '../../support/teams-app.js';

let h: TeamsHarness;
let els: TeamsUser;

beforeAll(async () => {
  h = await startTeamsHarness();
  els = new TeamsUser(h, 'Els');
  await register(h.app, { matchmakerAad: els.aadObjectId, place: 'lier' });
  for (const name of ['Ana', 'Ben', 'Cas']) await addResident(h.app.database.db, { name, place: 'lier', items: [{ kind: 'skill', categories: ['cooking'] }] });
  await addResident(h.app.database.db, { name: 'Dirk', place: 'turnhout', items: [] });
});
afterAll(async () => {
  await h?.stop();
});

type Fact = { title: string; value: string };
function factsOf(card: unknown): Fact[] {
  return ((card as { body: { type: string; facts?: Fact[] }[] }).body.filter((e) => e.type === 'FactSet').flatMap((e) => e.facts ?? []));
}

describe('stats in Teams', () => {
  it('gives a matchmaker the figures of their place, this month, with a chart', async () => {
    await els.say('stats');
    const card = els.cards.at(-1);
    expect(cardTextOf(card)).toContain('📊 Cijfers: Lier · ');
    const facts = Object.fromEntries(factsOf(card).map((f) => [f.title, f.value]));
    expect(facts).toMatchObject({ Deelnemers: '3', Nieuw: '3', 'Voorstellen van Goesting': '0', 'Zeiden ja': '—', Werk: '0' });
    const image = (card as { body: { type: string; url?: string }[] }).body.find((e) => e.type === 'Image')!;
    const png = Buffer.from(image.url!.replace(/^data:image\/png;base64,/, ''), 'base64');
    expect(png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    expect(png.readUInt32BE(16)).toBe(560); // IHDR width
    expect(png.readUInt32BE(20)).toBe(240); // IHDR height
    expect(JSON.stringify(card).length).toBeLessThan(28_000); // Teams' message size limit
  });

  it('answers a place that is not theirs, unknown words, and non-matchmakers without figures', async () => {
    await els.say('stats turnhout');
    expect(cardTextOf(els.cards.at(-1))).toBe('turnhout is geen Stuyfplek van jou. Kies uit: Lier.');
    await els.say('stats please');
    expect(cardTextOf(els.cards.at(-1))).toContain('Typ stats.');
    const stranger = new TeamsUser(h, 'Piet');
    await stranger.say('stats');
    expect(cardTextOf(stranger.cards.at(-1))).not.toContain('Deelnemers');
  });

  it('reads a place and a period in any order', () => {
    const now = new Date('2026-11-27T12:00:00Z');
    const places = ['lier', 'turnhout'];
    expect(parseStatsArgs('', places, now)).toEqual({ range: { from: '2026-11', to: '2026-11' } });
    expect(parseStatsArgs(' 2026 Lier ', places, now)).toEqual({ place: 'lier', range: { from: '2026-01', to: '2026-12' } });
    expect(parseStatsArgs('lier 2026-01..2026-06', places, now)).toEqual({ place: 'lier', range: { from: '2026-01', to: '2026-06' } });
    expect(parseStatsArgs('2026-06..2026-01', places, now)).toEqual({ error: 'usage' });
    expect(parseStatsArgs('lier turnhout', places, now)).toEqual({ error: 'usage' });
    expect(periodLabel({ from: '2026-11', to: '2026-11' }, 'nl')).toBe('november 2026');
    expect(monthOf(new Date('2026-10-31T23:30:00Z'))).toBe('2026-11'); // already November in Brussels
  });
});
