/**
 * Which lexicon words each token of a text is, and how sure that is: 1 for the same word, 0.95
 * for the same stem or the same Arabic-script core, 0.9 when the entry starts the word, 0.7 for
 * a typo. Arabic-script words get no typo tolerance: their roots differ by one letter (العزف
 * playing music, العنف violence; میخوابم I sleep, میخواهم I want).
 */
import { UI_LANGUAGES, type Lang } from '../taxonomy/categories.js';
import { isArabicScript, type TextToken } from './fold.js';
import { type CompiledLexicon, type PatternWord, type WordRef } from './patterns.js';
import { arabicScriptForms, stemOf, usableStem } from './stem.js';
import { allowedTypos, editDistance } from './typos.js';

export const QUALITY = { same: 1, stem: 0.95, core: 0.95, start: 0.9, typo: 0.7 } as const;

export interface Hit {
  readonly token: number;
  readonly quality: number;
}

/** pattern index → word index → the tokens that are that word. */
export type HitMap = Map<number, Map<number, Hit[]>>;

function record(hits: HitMap, ref: WordRef, hit: Hit): void {
  let words = hits.get(ref.pattern);
  if (!words) hits.set(ref.pattern, (words = new Map()));
  const list = words.get(ref.word);
  if (!list) words.set(ref.word, [hit]);
  else {
    const same = list.find((h) => h.token === hit.token);
    if (!same) list.push(hit);
    else if (same.quality < hit.quality) list[list.indexOf(same)] = hit;
  }
}

function wordOf(lex: CompiledLexicon, ref: WordRef): PatternWord {
  return lex.patterns[ref.pattern]!.words[ref.word]!;
}

/** The typo index only holds words that may carry a typo (not exact, not Arabic script, long enough). */
function typoQuality(word: string, candidate: PatternWord): number {
  const max = allowedTypos(candidate.text.length);
  return editDistance(word, candidate.text, max) <= max ? QUALITY.typo : 0;
}

/** The Arabic-script cores of a token, by the resident's language (both sets when unknown). */
function formsOf(token: string, lang: Lang | undefined): string[] {
  if (!isArabicScript(token)) return [token];
  return arabicScriptForms(token, lang === 'ar' || lang === 'fa' ? lang : undefined);
}

/**
 * Another language's entry counts only as the very same word, written in another script than the
 * resident's ("OCMW", "VDAB" inside an Arabic or Ukrainian sentence). Its word starts and cores
 * find words nobody said — Arabic and Persian share letters, not words ("بلدم" I know how is not
 * "البلدية") — and in the same script the same word means something else (Dutch "arts" is a
 * doctor, English "arts" is not; French "pain" is bread). The word must come from a file written in
 * its script: a Dutch loanword in the Ukrainian file is Ukrainian residents' usage, not Dutch.
 */
function sameWord(w: PatternWord, entryLang: Lang, form: string, token: string, lang: Lang | undefined): boolean {
  if (form !== token || w.text !== token) return false;
  if (lang === undefined) return true;
  // …and from a file of that word's own script: a Dutch loanword in the Ukrainian file ("advocaat")
  // is for Ukrainian residents, the Dutch file speaks for Dutch words.
  const script = scriptOf(token);
  return script !== SCRIPT[lang] && script === SCRIPT[entryLang];
}

const SCRIPT: Record<Lang, 'latin' | 'arabic' | 'cyrillic'> = { nl: 'latin', en: 'latin', fr: 'latin', tr: 'latin', ro: 'latin', ar: 'arabic', fa: 'arabic', uk: 'cyrillic' };
const CYRILLIC = /\p{Script=Cyrillic}/u;
const scriptOf = (word: string) => (isArabicScript(word) ? 'arabic' : CYRILLIC.test(word) ? 'cyrillic' : 'latin');

function tokenHits(lex: CompiledLexicon, lang: Lang | undefined, token: string, index: number, hits: HitMap): void {
  const own = (ref: WordRef) => lang === undefined || lex.patterns[ref.pattern]!.lang === lang;
  const langs = lang ? [lang] : UI_LANGUAGES;
  // A word the resident's own file knows is read by that file alone: its translators decide what
  // "OCMW" or "mutualiteit" means for their readers.
  const ownKnows = lang !== undefined && lex.known.has(`${lang}:${token}`);
  for (const form of formsOf(token, lang)) {
    for (const ref of lex.byForm.get(form) ?? []) {
      const w = wordOf(lex, ref);
      if (w.exact && form !== token) continue;
      if (!own(ref) && (ownKnows || !sameWord(w, lex.patterns[ref.pattern]!.lang, form, token, lang))) continue;
      record(hits, ref, { token: index, quality: form === token && w.text === token ? QUALITY.same : QUALITY.core });
    }
    // An entry word at the start of a longer word: look the word up by each of its beginnings.
    for (const l of langs)
      for (let end = 1; end < form.length; end++)
        for (const ref of lex.byPrefix.get(`${l}:${form.slice(0, end)}`) ?? []) record(hits, ref, { token: index, quality: QUALITY.start });
  }
  for (const l of langs) {
    const stem = stemOf(l, token);
    if (usableStem(stem, token)) for (const ref of lex.byStem.get(`${l}:${stem}`) ?? []) record(hits, ref, { token: index, quality: QUALITY.stem });
  }
  // A word the lexicon knows in this language is that word, not a typo of another ("meditation" is not "medication").
  if (lang && token.length >= 4 && !isArabicScript(token) && !lex.known.has(`${lang}:${token}`)) {
    const max = allowedTypos(token.length + 2);
    for (let length = token.length - max; length <= token.length + max; length++) {
      for (const ref of lex.byInitial.get(`${token[0]!}:${length}`) ?? []) {
        if (!own(ref)) continue;
        const q = typoQuality(token, wordOf(lex, ref));
        if (q > 0) record(hits, ref, { token: index, quality: q });
      }
    }
  }
}

/**
 * The hits of every token. Stems, word starts and typos are only tried in the resident's language
 * (stems and starts in all eight, typos in none, when it is unknown): another language's stemmer
 * or a near miss across languages finds words nobody said (French "les" is the stem of Dutch
 * "lees"). Another language's very same word in another script still counts (`sameWord`), so a
 * Dutch word inside an Arabic sentence is understood.
 */
export function findHits(lex: CompiledLexicon, tokens: readonly TextToken[], lang: Lang | undefined): HitMap {
  const hits: HitMap = new Map();
  tokens.forEach((t, i) => tokenHits(lex, lang, t.word, i, hits));
  return hits;
}
