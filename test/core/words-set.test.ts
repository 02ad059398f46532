/**
 * The labelled set behind `npm run bench:words` stays usable: every language has one, big enough
 * and varied as the issue asks, and every label is an id the taxonomy has (or will have).
 */
import { describe, expect, it } from 'vitest';
import { caseProblems, LANGS, PARTS, readWordCases, UNSEEN_DIR, type WordCase } from '../support/words.js';

/** Two answers are the same answer when they differ only in case or surrounding spaces. */
const sameAnswer = (c: WordCase) => c.text.trim().toLowerCase();

describe.each(LANGS)('the labelled own words in %s', (lang) => {
  const cases = readWordCases(lang);

  it('has a held-out set of new writers, labelled with known ids, none of it in the tuning set', () => {
    const unseen = readWordCases(lang, UNSEEN_DIR);
    expect(unseen.length).toBeGreaterThanOrEqual(80);
    expect(unseen.flatMap((c, i) => caseProblems(c).map((p) => `#${i} ${p}`))).toEqual([]);
    const tuning = new Set(cases.map(sameAnswer));
    expect(unseen.filter((c) => tuning.has(sameAnswer(c))).map((c) => c.text)).toEqual([]);
  });

  it('labels only known ids', () => {
    expect(cases.flatMap((c, i) => caseProblems(c).map((p) => `#${i} ${p}`))).toEqual([]);
  });

  it('has enough answers to every question, sensitive needs, negations and answers that fit nothing', () => {
    const per = Object.fromEntries(PARTS.map((part) => [part, cases.filter((c) => c.part === part).length]));
    expect(per.goesting).toBeGreaterThanOrEqual(40);
    expect(per.skills).toBeGreaterThanOrEqual(40);
    expect(per.needs).toBeGreaterThanOrEqual(40);
    expect(cases.filter((c) => c.sensitive.length > 0).length).toBeGreaterThanOrEqual(12);
    expect(cases.filter((c) => c.tags.includes('negation')).length).toBeGreaterThanOrEqual(5);
    expect(cases.filter((c) => c.part !== 'ambition' && c.categories.length === 0 && c.sensitive.length === 0).length).toBeGreaterThanOrEqual(5);
  });

  it('has no answer twice', () => {
    const texts = cases.map(sameAnswer);
    expect(texts.filter((t, i) => texts.indexOf(t) !== i)).toEqual([]);
  });
});
