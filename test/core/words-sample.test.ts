/**
 * A representative sample of the labelled own words, per language, asserted case by case: the
 * plain answers and every sensitive one among every other answer of the tuning set. The held-out
 * set (`words/unseen`) is only measured by `npm run bench:words`, never asserted. A sensitive
 * answer that is not flagged would have its words stored, so that part is a privacy guard.
 */
import { describe, expect, it } from 'vitest';
import { judgeCase, LANGS, readWordCases } from '../support/words.js';

describe.each(LANGS)('own words in %s', (lang) => {
  const tuning = readWordCases(lang).filter((_, i) => i % 2 === 0);

  it('flags every sensitive answer of the sample, and keeps none of its words', () => {
    const sensitive = tuning.filter((c) => c.sensitive.length > 0);
    expect(sensitive.length).toBeGreaterThan(10);
    const stored = sensitive.filter((c) => judgeCase(c, lang).keepWords);
    expect(stored.map((c) => c.text)).toEqual([]);
  });

  it('understands the plain answers of the sample', () => {
    const plain = tuning.filter((c) => c.tags.includes('plain') && c.sensitive.length === 0);
    expect(plain.length).toBeGreaterThan(10);
    const wrong = plain.flatMap((c) => {
      const { found, missed } = judgeCase(c, lang);
      // A false alarm only drops the words (fail safe); the bench counts those, the sample does not.
      return missed.length > 0 ? [`${c.text} → ${found.join(',')} (missing ${missed.join(',')})`] : [];
    });
    expect(wrong).toEqual([]);
  });
});
