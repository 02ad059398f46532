/**
 * The labelled set of residents' own words (`test/fixtures/words/<lang>.json`), written per
 * language by people who did not look at the lexicon; read by the benchmark and its tests.
 */
import { readFileSync } from 'node:fs';
import { AMBITIONS, CATEGORY_BY_ID, SENSITIVE_FLAGS, UI_LANGUAGES, type Lang } from '../../src/core/taxonomy/categories.js';
import { readOwnWords } from '../../src/core/taxonomy/own-words.js';
import type { Suggestion } from '../../src/core/understanding/read.js';

export const PARTS = ['goesting', 'skills', 'needs', 'ambition'] as const;
/** Categories the residents name that the taxonomy does not have yet (labelled, not yet matchable); none today. */
export const PLANNED_CATEGORIES: readonly string[] = [];

export interface WordCase {
  readonly part: (typeof PARTS)[number];
  readonly text: string;
  readonly categories: string[];
  readonly sensitive: string[];
  readonly ambitions: string[];
  readonly tags: string[];
}

export const WORDS_DIR = new URL('../fixtures/words/', import.meta.url);
/**
 * The held-out set: answers written later by other writers, never shown to whoever extends the
 * lexicon (`words:misses` reads the tuning set only). Its figures are the fair ones.
 */
export const UNSEEN_DIR = new URL('../fixtures/words/unseen/', import.meta.url);

/** The tuning set of one language, or with `dir` = UNSEEN_DIR the held-out set. */
export function readWordCases(lang: Lang, dir: URL = WORDS_DIR): WordCase[] {
  const file = JSON.parse(readFileSync(new URL(`${lang}.json`, dir), 'utf8')) as { lang: string; cases: WordCase[] };
  if (file.lang !== lang) throw new Error(`${lang}.json says it is ${file.lang}`);
  return file.cases;
}

/** Problems of one case: ids that are not in the taxonomy (or planned), unknown parts. */
export function caseProblems(c: WordCase): string[] {
  const problems: string[] = [];
  const known = (id: string) => CATEGORY_BY_ID.has(id) || (PLANNED_CATEGORIES as readonly string[]).includes(id);
  if (!(PARTS as readonly string[]).includes(c.part)) problems.push(`part ${c.part}`);
  if (typeof c.text !== 'string' || c.text.trim() === '') problems.push('empty text');
  for (const id of c.categories ?? ['(missing)']) if (!known(id)) problems.push(`category ${id}`);
  for (const flag of c.sensitive ?? ['(missing)']) if (!(SENSITIVE_FLAGS as readonly string[]).includes(flag)) problems.push(`sensitive ${flag}`);
  for (const a of c.ambitions ?? ['(missing)']) if (!(AMBITIONS as readonly string[]).includes(a)) problems.push(`ambition ${a}`);
  return problems;
}

export const LANGS: readonly Lang[] = UI_LANGUAGES;

/** One labelled answer read as the dialogue reads it (at most three suggestions), against its labels. */
export interface Judgement {
  /** The ids the dialogue would offer (categories, or ambitions at the ambition question). */
  readonly found: readonly string[];
  readonly expected: readonly string[];
  /** Offered but not meant, with the entry that fired. */
  readonly extra: readonly Suggestion[];
  /** Meant but not offered. */
  readonly missed: readonly string[];
  readonly flags: readonly string[];
  /** Whether the dialogue would keep the words: never for a sensitive answer. */
  readonly keepWords: boolean;
}

export function judgeCase(c: WordCase, lang: Lang): Judgement {
  const read = readOwnWords(c.text, { part: c.part, lang });
  const found: readonly string[] = c.part === 'ambition' ? read.ambitions : read.categories;
  const expected = c.part === 'ambition' ? c.ambitions : c.categories;
  return {
    found,
    expected,
    extra: read.suggestions.filter((s) => !expected.includes(s.id)),
    missed: expected.filter((id) => !found.includes(id)),
    flags: read.flags,
    keepWords: read.keepWords,
  };
}
