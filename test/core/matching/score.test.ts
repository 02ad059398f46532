/** Scoring and planning tables: each factor, the interpreter rule, feedback, groups. Pure. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_MATCHING, type MatchingConfig } from '../../../src/core/matching/config.js';
import { pairKey, planMatches } from '../../../src/core/matching/plan.js';
import { scorePair } from '../../../src/core/matching/score.js';
import type { Side, SideItem } from '../../../src/core/matching/side.js';
import { wantedKeys } from '../../../src/core/matching/matcher.js';

const now = new Date('2026-11-27T12:00:00Z');
let n = 0;
const item = (kind: SideItem['kind'], ...categories: string[]): SideItem => ({ id: `i${++n}`, kind, categories });

function resident(name: string, over: Partial<Side> = {}): Side {
  return {
    key: `p:${name}`,
    participantId: name,
    placeIds: [1],
    neighbourhood: null,
    languages: ['nl'],
    availability: [],
    items: [],
    updatedAt: new Date('2026-11-20T12:00:00Z'),
    penalties: {},
    ...over,
  };
}
const offer = (name: string, over: Partial<Side> = {}): Side => resident(name, { key: `o:${name}`, participantId: undefined, offerId: name, ...over });
const ctx = (config: MatchingConfig = DEFAULT_MATCHING) => ({ config, now, placeNames: new Map([[1, 'Lier'], [2, 'Borgerhout']]) });
const facts = { categories: ['sewing'], coverage: 1, placeName: 'Lier' };
const score = (a: Side, b: Side, f = facts, config = DEFAULT_MATCHING) => scorePair(a, b, f, config, now);

describe('scorePair: each factor counts and leaves a reason', () => {
  const base = score(resident('a'), resident('b'))!;
  it.each([
    ['category coverage', score(resident('a'), resident('b'), { ...facts, coverage: 0.5 }), 'lower', undefined],
    ['other place', score(resident('a'), resident('b', { placeIds: [2] })), 'lower', undefined],
    ['same neighbourhood', score(resident('a', { neighbourhood: 'Kiel' }), resident('b', { neighbourhood: ' kiel ' })), 'higher', 'sameNeighbourhood'],
    ['overlapping availability', score(resident('a', { availability: ['mon-morning'] }), resident('b', { availability: ['mon-morning', 'tue-evening'] })), 'higher', 'availability'],
    ['no overlapping availability', score(resident('a', { availability: ['mon-morning'] }), resident('b', { availability: ['tue-evening'] })), 'lower', undefined],
    ['reciprocity', score(resident('a', { items: [item('skill', 'sewing'), item('need', 'cooking')] }), resident('b', { items: [item('need', 'sewing'), item('skill', 'cooking')] })), 'higher', 'reciprocity'],
    ['older profiles', score(resident('a', { updatedAt: new Date('2025-01-01') }), resident('b', { updatedAt: new Date('2025-01-01') })), 'lower', undefined],
    ['"not a fit" feedback', score(resident('a', { penalties: { sewing: 0.15 } }), resident('b')), 'lower', undefined],
  ])('%s', (_name, scored, direction, reason) => {
    expect(scored).not.toBeNull();
    if (direction === 'higher') expect(scored!.score).toBeGreaterThan(base.score);
    else expect(scored!.score).toBeLessThan(base.score);
    if (reason) expect(scored!.reasons.map((r) => r.code)).toContain(reason);
  });

  it('gives the base reasons: categories, place, language, freshness', () => {
    expect(base.reasons.map((r) => r.code)).toEqual(['categories', 'samePlace', 'language', 'fresh']);
    expect(base.score).toBeGreaterThan(0);
    expect(base.score).toBeLessThanOrEqual(1);
  });

  it('connects no two residents without a common language', () => {
    expect(score(resident('a', { languages: ['ar'] }), resident('b', { languages: ['uk'] }))).toBeNull();
  });

  it('keeps a resident ↔ provider connection without a common language, marked for an interpreter', () => {
    const scored = score(resident('a', { languages: ['ar'] }), offer('o', { languages: ['nl'] }))!;
    expect(scored.needsInterpreter).toBe(true);
    expect(scored.reasons.map((r) => r.code)).toContain('interpreter');
    expect(scored.score).toBeLessThan(score(resident('a', { languages: ['nl'] }), offer('o', { languages: ['nl'] }))!.score);
    expect(score(resident('a', { languages: ['ar'] }), offer('o'), facts, { ...DEFAULT_MATCHING, interpreterForProviders: false })).toBeNull();
  });

  it('uses the configured weights', () => {
    const heavyLanguage = { ...DEFAULT_MATCHING, weights: { ...DEFAULT_MATCHING.weights, language: 10 } };
    const without = score(resident('a', { languages: ['ar'] }), offer('o'), facts, heavyLanguage)!;
    const withLanguage = score(resident('a'), offer('o'), facts, heavyLanguage)!;
    expect(withLanguage.score - without.score).toBeGreaterThan(0.5);
  });
});

describe('planMatches', () => {
  const seamstress = resident('fatima', { languages: ['ar', 'nl'], items: [item('skill', 'sewing'), item('goesting', 'cooking')] });

  it('finds the complement between a skill and a need, in both directions, once per pair', () => {
    const asker = resident('jan', { items: [item('need', 'sewing', 'bike_repair')] });
    const plans = planMatches(seamstress, [asker], ctx());
    expect(plans).toHaveLength(1);
    expect(plans[0]).toMatchObject({ kind: 'complement', pairKey: pairKey(seamstress, asker), placeId: 1 });
    expect(plans[0]!.members.map((m) => [m.key, m.role])).toEqual([['p:fatima', 'gives'], ['p:jan', 'receives']]);
    expect(planMatches(asker, [seamstress], ctx())[0]!.pairKey).toBe(plans[0]!.pairKey);
  });

  it('matches a provider ask with a resident skill, and an offer with a need', () => {
    const ask = offer('atelier', { offerType: 'volunteering', items: [item('ask', 'sewing')] });
    expect(planMatches(ask, [seamstress], ctx())[0]?.members.map((m) => m.role)).toEqual(['gives', 'receives']);
    const course = offer('course', { offerType: 'course', items: [item('offer', 'computer_basics')] });
    const learner = resident('ali', { items: [item('need', 'computer_basics')] });
    expect(planMatches(learner, [course], ctx())[0]?.kind).toBe('complement');
  });

  it('fits an ambition to an offer of the right type', () => {
    const dreamer = resident('mina', { items: [item('ambition', 'learn_dutch'), item('goesting', 'cooking')] });
    const course = offer('nt2', { offerType: 'course', title: 'NT2', items: [item('offer', 'dutch_practice')] });
    const job = offer('job', { offerType: 'job', items: [item('offer', 'cooking')] });
    const plans = planMatches(dreamer, [course, job], ctx());
    expect(plans.map((p) => p.kind)).toEqual(['ambition']);
    expect(plans[0]!.reasons.find((r) => r.code === 'ambition')).toEqual({ code: 'ambition', ambitions: ['learn_dutch'], offerType: 'course' });
  });

  it('does not connect two providers, people in different places, or below the threshold', () => {
    const a = offer('a', { items: [item('offer', 'sewing')] });
    const b = offer('b', { items: [item('ask', 'sewing')] });
    expect(planMatches(a, [b], ctx())).toEqual([]);
    expect(planMatches(seamstress, [resident('far', { placeIds: [2], items: [item('need', 'sewing')] })], ctx())).toEqual([]);
    expect(planMatches(seamstress, [resident('jan', { items: [item('need', 'sewing')] })], ctx({ ...DEFAULT_MATCHING, threshold: 0.99 }))).toEqual([]);
  });

  it('forms a group of 3–6 around one goesting, with a provider offering space', () => {
    const cooks = ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((x) => resident(x, { items: [item('goesting', 'cooking')] }));
    const kitchen = offer('kitchen', { offerType: 'space', title: 'Buurtkeuken', items: [item('offer', 'cooking')] });
    const [group] = planMatches(resident('me', { items: [item('goesting', 'cooking')] }), [...cooks, kitchen], ctx()).filter((p) => p.kind === 'group');
    expect(group!.pairKey).toBe('group:1:cooking');
    expect(group!.members.filter((m) => m.role === 'member')).toHaveLength(6);
    expect(group!.members.find((m) => m.role === 'provider')?.key).toBe('o:kitchen');
    expect(group!.reasons).toContainEqual({ code: 'space', title: 'Buurtkeuken' });
    const two = planMatches(resident('me', { items: [item('goesting', 'cooking')] }), cooks.slice(0, 1), ctx());
    expect(two.filter((p) => p.kind === 'group')).toEqual([]);
  });

  it('looks candidates up by kind:place:category keys only (with related categories for gives and wishes)', () => {
    expect(wantedKeys(seamstress).sort()).toEqual(['ask:1:crafts', 'ask:1:second_hand', 'ask:1:sewing', 'goesting:1:cooking', 'need:1:crafts', 'need:1:second_hand', 'need:1:sewing']);
    expect(wantedKeys(offer('nt2', { placeIds: [1, 2], offerType: 'course', items: [item('offer', 'dutch_practice')] })).sort()).toEqual([
      'ambition:1:learn_dutch', 'ambition:1:training', 'ambition:2:learn_dutch', 'ambition:2:training',
      'need:1:dutch_practice', 'need:1:reading_together', 'need:2:dutch_practice', 'need:2:reading_together',
    ]);
  });
});

describe('related categories', () => {
  const repairer = resident('repairer', { items: [item('skill', 'electronics_repair')] });
  const phone = resident('phone', { items: [item('need', 'smartphone_help')] });
  const sameTopic = resident('same', { items: [item('skill', 'smartphone_help')] });

  it('connects categories that serve each other, with its own reason and a lower score than a shared one', () => {
    const related = planMatches(phone, [repairer], ctx()).find((m) => m.kind === 'complement');
    const shared = planMatches(phone, [sameTopic], ctx()).find((m) => m.kind === 'complement');
    expect(related?.reasons).toContainEqual({ code: 'related', gives: 'electronics_repair', wants: 'smartphone_help' });
    expect(related?.members.map((m) => m.role)).toEqual(['gives', 'receives']);
    expect(shared!.score).toBeGreaterThan(related!.score);
    expect(shared?.reasons.map((r) => r.code)).not.toContain('related');
  });

  it('looks up the related categories as candidates too', () => {
    expect(wantedKeys(phone)).toEqual(expect.arrayContaining(['skill:1:smartphone_help', 'skill:1:electronics_repair', 'skill:1:computer_basics']));
  });

  it('does not connect unrelated categories', () => {
    const cook = resident('cook', { items: [item('skill', 'cooking')] });
    expect(planMatches(phone, [cook], ctx()).filter((m) => m.kind === 'complement')).toEqual([]);
  });
});
