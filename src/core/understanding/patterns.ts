/**
 * The lexicon compiled for fast lookup. Each entry ("fiets herstellen") becomes a pattern of
 * words; each word is found by its folded form, its stem in the entry's language, as the start
 * of a longer word (see `compileWord`), at the core of an Arabic-script word (its clitics taken
 * off), or with a typo (words of six letters or more, not in Arabic script). An entry ending in
 * `$` matches only its exact words; one starting with `~` only counts when nothing stronger is said.
 */
import { UI_LANGUAGES, type Lang } from '../taxonomy/categories.js';
import { foldText, isArabicScript } from './fold.js';
import { entryMarks, LEXICONS, type LexiconFile } from './lexicon.js';
import { arabicScriptForms, stemOf, usableStem } from './stem.js';
import { allowedTypos } from './typos.js';

export type PatternKind = 'category' | 'sensitive' | 'ambition';

export interface PatternWord {
  readonly text: string;
  readonly stem: string;
  /** Arabic-script words: the word and its cores without clitics. */
  readonly forms: readonly string[];
  readonly prefix: boolean;
  readonly exact: boolean;
  readonly arabic: boolean;
}

export interface Pattern {
  readonly kind: PatternKind;
  readonly id: string;
  readonly lang: Lang;
  /** The entry as written in the lexicon, for explanations. */
  readonly entry: string;
  readonly words: readonly PatternWord[];
  readonly letters: number;
  /** Holds a little word (three letters or less): matched only in its own order, close together. */
  readonly ordered: boolean;
  /** A sensitive entry that counts only at the needs question (`needsSensitive`). */
  readonly needsOnly: boolean;
  /** `~` in front: counts only when no other entry of its kind and no sensitive topic is found; never itself a sensitive entry. */
  readonly weak: boolean;
}

export interface WordRef {
  readonly pattern: number;
  readonly word: number;
}

export interface CompiledLexicon {
  readonly patterns: readonly Pattern[];
  /** Folded words and Arabic-script cores → the pattern words they are. */
  readonly byForm: ReadonlyMap<string, WordRef[]>;
  /** `lang:stem` → pattern words with that stem. */
  readonly byStem: ReadonlyMap<string, WordRef[]>;
  /**
   * `lang:form` → pattern words that may start a longer word (only in their own language): a word
   * of the text is looked up by each of its beginnings, one map lookup each, not by scanning every
   * entry that shares its first letters (thousands in Arabic, where so many words start with ال).
   */
  readonly byPrefix: ReadonlyMap<string, WordRef[]>;
  /** `first letter:length` → pattern words long enough to be recognised with a typo. */
  readonly byInitial: ReadonlyMap<string, WordRef[]>;
  /** `lang:word` of every word the lexicon knows: a known word is never read as a typo of another. */
  readonly known: ReadonlySet<string>;
}

/**
 * A word of an entry. It may start a longer word when it has four letters or more (three in
 * Arabic script) — or, as the last word of a longer entry, two ("yemek yap" finds "yemek
 * yapmayı", "iş ar" finds "iş arıyorum"): the words before it already say what is meant.
 */
function compileWord(lang: Lang, text: string, exact: boolean, last: boolean): PatternWord {
  const arabic = isArabicScript(text);
  return {
    text,
    stem: exact ? '' : stemOf(lang, text),
    forms: arabic && !exact ? arabicScriptForms(text, lang === 'fa' ? 'fa' : 'ar', true) : [text],
    prefix: !exact && text.length >= (last ? 2 : arabic ? 3 : 4),
    exact,
    arabic,
  };
}

function push(map: Map<string, WordRef[]>, key: string, ref: WordRef): void {
  const list = map.get(key);
  if (list) list.push(ref);
  else map.set(key, [ref]);
}

function entriesOf(lexicon: LexiconFile): Array<[PatternKind, string, string, boolean]> {
  const out: Array<[PatternKind, string, string, boolean]> = [];
  const sections: Array<[PatternKind, Record<string, string[]>, boolean]> = [
    ['category', lexicon.categories, false],
    ['sensitive', lexicon.sensitive, false],
    ['sensitive', lexicon.needsSensitive, true],
    ['ambition', lexicon.ambitions, false],
  ];
  for (const [kind, section, needsOnly] of sections) for (const [id, list] of Object.entries(section)) for (const entry of list) out.push([kind, id, entry, needsOnly]);
  return out;
}

/** The files given (the project's lexicon when none are), compiled; a language without a file has no entries. */
export function compileLexicon(files: Readonly<Partial<Record<Lang, LexiconFile>>> = LEXICONS): CompiledLexicon {
  const patterns: Pattern[] = [];
  const byForm = new Map<string, WordRef[]>();
  const byStem = new Map<string, WordRef[]>();
  const byPrefix = new Map<string, WordRef[]>();
  const byInitial = new Map<string, WordRef[]>();
  const known = new Set<string>();
  for (const lang of UI_LANGUAGES) {
    const file = files[lang];
    if (!file) continue;
    for (const [kind, id, entry, needsOnly] of entriesOf(file)) {
      const { words: written, exact, weak } = entryMarks(entry);
      const folded = foldText(written).split(' ').filter(Boolean);
      const words = folded.map((w, i) => compileWord(lang, w, exact, folded.length > 1 && i === folded.length - 1));
      if (words.length === 0) continue;
      const ordered = words.length > 1 && words.some((w) => w.text.length <= 3);
      const index = patterns.push({ kind, id, lang, entry, words, letters: words.reduce((n, w) => n + w.text.length, 0), ordered, needsOnly, weak: weak && kind !== 'sensitive' }) - 1;
      words.forEach((w, word) => {
        known.add(`${lang}:${w.text}`);
        const ref = { pattern: index, word };
        for (const form of w.forms) push(byForm, form, ref);
        // Both the stem and the word itself: Dutch "fiets" stems to "fiet", "fietsen" to "fiets".
        if (usableStem(w.stem, w.text)) push(byStem, `${lang}:${w.stem}`, ref);
        if (!w.exact && w.text.length >= 4 && w.stem !== w.text) push(byStem, `${lang}:${w.text}`, ref);
        if (w.prefix) for (const form of new Set(w.forms)) if (form.length >= 4 || form === w.text) push(byPrefix, `${lang}:${form}`, ref);
        if (!w.exact && !w.arabic && allowedTypos(w.text.length) > 0) push(byInitial, `${w.text[0]!}:${w.text.length}`, ref);
      });
    }
  }
  return { patterns, byForm, byStem, byPrefix, byInitial, known };
}

let compiled: CompiledLexicon | undefined;

/** Compiled on first use (the app starts it right after listening), so starting does not wait for it. */
export function lexicon(): CompiledLexicon {
  compiled ??= compileLexicon();
  return compiled;
}
