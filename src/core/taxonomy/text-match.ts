/**
 * Recognises categories in free text written in any of the eight languages, so that
 * "ik naai graag" or "أحب الخياطة" both become 🧵 sewing and can be confirmed with one tap.
 * Pure and deterministic: the synonym lists are data in `synonyms.ts`.
 */
import { CATEGORY_SYNONYMS, SENSITIVE_SYNONYMS } from './synonyms.js';
import type { SensitiveFlag } from './categories.js';

const ARABIC_DIACRITICS = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;

/** Lower-cases, folds accents and Arabic-script letter variants, keeps letters and digits. */
export function normalizeText(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(ARABIC_DIACRITICS, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ی/g, 'ي')
    .replace(/ک/g, 'ك')
    .replace(/ة/g, 'ه')
    .replace(/ı/g, 'i')
    // The Ukrainian apostrophe typed as a modifier letter (бʼє) is an apostrophe like ' (б'є).
    .replace(/\u02BC/g, ' ')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

const ARABIC_SCRIPT = /[\u0600-\u06FF]/;

interface Entry {
  readonly id: string;
  readonly term: string;
  readonly arabicScript: boolean;
  /** Written with a trailing `$` in the data: matches only as a whole word. */
  readonly wholeWord: boolean;
}

function buildIndex(source: Record<string, Partial<Record<string, readonly string[]>>>): Entry[] {
  const out: Entry[] = [];
  for (const [id, byLang] of Object.entries(source)) {
    for (const terms of Object.values(byLang)) {
      for (const raw of terms ?? []) {
        const wholeWord = raw.endsWith('$');
        const term = normalizeText(wholeWord ? raw.slice(0, -1) : raw);
        if (term.length >= 2) out.push({ id, term, arabicScript: ARABIC_SCRIPT.test(term), wholeWord });
      }
    }
  }
  return out;
}

const CATEGORY_INDEX = buildIndex(CATEGORY_SYNONYMS);
const SENSITIVE_INDEX = buildIndex(SENSITIVE_SYNONYMS);

/**
 * A term matches as a whole word, or — with four letters or more — at the start of a word (so
 * stems like "kook" find "koken" and "kookt"); a term written `word$` matches whole words only.
 * Arabic-script words carry clitics in front (و، ب، ال، می), so there a term of three or
 * more letters may also match inside a word.
 */
function matches(text: string, entry: Entry): boolean {
  const padded = ` ${text} `;
  if (padded.includes(` ${entry.term} `)) return true;
  if (entry.wholeWord) return false;
  if (entry.term.length >= 4 && padded.includes(` ${entry.term}`)) return true;
  return entry.arabicScript && entry.term.length >= 3 && text.includes(entry.term);
}

function score(text: string, index: readonly Entry[]): Map<string, number> {
  const hits = new Map<string, number>();
  for (const entry of index) {
    if (matches(text, entry)) hits.set(entry.id, Math.max(hits.get(entry.id) ?? 0, entry.term.length));
  }
  return hits;
}

/** Category ids found in the text, best (longest matching term) first, at most `limit`. */
export function suggestCategories(input: string, limit = 3): string[] {
  const text = normalizeText(input);
  if (!text) return [];
  return [...score(text, CATEGORY_INDEX).entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, limit)
    .map(([id]) => id);
}

/** Sensitive topics mentioned in the text: these are stored as flags, and the text is dropped. */
export function detectSensitive(input: string): SensitiveFlag[] {
  const text = normalizeText(input);
  if (!text) return [];
  return [...score(text, SENSITIVE_INDEX).keys()] as SensitiveFlag[];
}
