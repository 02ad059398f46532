/**
 * Stemming for the eight languages, so "fietsen" and "fiets" or "ремонтую" and "ремонт" meet.
 * The Snowball-style stemmers of nlp.js cover nl, en, fr, tr, uk and ro (the JavaScript Snowball
 * stemmers have no Ukrainian, Arabic or Persian; nlp.js has all but Persian). Persian gets a
 * light suffix stripper here. Arabic and Persian words also carry clitics (و، ب، ال، می، ها):
 * `arabicScriptForms` lists the word with them taken off, which is how a short entry is found at
 * the core of a longer word — and never inside one; for Arabic that is the whole of its stemming
 * (nlp.js's root-like Arabic stems join أدوات tools and أدوية medicines, and gained nothing).
 */
import en from '@nlpjs/lang-en';
import fr from '@nlpjs/lang-fr';
import nl from '@nlpjs/lang-nl';
import ro from '@nlpjs/lang-ro';
import tr from '@nlpjs/lang-tr';
import uk from '@nlpjs/lang-uk';
import type { Lang } from '../taxonomy/categories.js';
import { foldText } from './fold.js';

interface Stemmer {
  stemWord(word: string): string;
}

const STEMMERS: Record<Exclude<Lang, 'fa' | 'ar'>, Stemmer> = {
  en: new en.StemmerEn(),
  fr: new fr.StemmerFr(),
  nl: new nl.StemmerNl(),
  ro: new ro.StemmerRo(),
  tr: new tr.StemmerTr(),
  uk: new uk.StemmerUk(),
};

const fold = (list: readonly string[]) => list.map(foldText).sort((a, b) => b.length - a.length);

/** Persian suffixes (plural, possessive, person endings, comparative), longest first. */
const FA_SUFFIXES = fold(['هایمان', 'هایتان', 'هایشان', 'هایم', 'هایت', 'هایش', 'های', 'ها', 'ترین', 'تر', 'مان', 'تان', 'شان', 'ام', 'ات', 'اش', 'یم', 'ید', 'ند', 'ی', 'م', 'ت', 'ش']);
const FA_PREFIXES = fold(['نمی', 'می']);

function stripOnce(word: string, affixes: readonly string[], atEnd: boolean, keep: number): string {
  for (const a of affixes) {
    if (word.length - a.length < keep) continue;
    if (atEnd ? word.endsWith(a) : word.startsWith(a)) return atEnd ? word.slice(0, -a.length) : word.slice(a.length);
  }
  return word;
}

function stemPersian(word: string): string {
  return stripOnce(stripOnce(word, FA_PREFIXES, false, 3), FA_SUFFIXES, true, 3);
}

function stemNow(lang: Lang, word: string): string {
  if (lang === 'fa') return stemPersian(word);
  // Arabic is read by its clitic cores (arabicScriptForms): the root-like stems of nlp.js join
  // words that only share letters (أدوات tools, أدوية medicines), with no gain on the labelled set.
  if (lang === 'ar') return '';
  try {
    const stem = STEMMERS[lang].stemWord(word);
    return lang === 'nl' ? undoubleDutch(stem) : stem;
  } catch {
    return '';
  }
}

/**
 * Dutch doubles a consonant before -en ("ik herstel", "herstellen"; "ik zwem", "zwemmen"); the
 * nlp.js stemmer leaves "herstell" and "zwemm", so the verb a resident writes in the first person
 * never met the infinitive of an entry. Snowball's Dutch stemmer undoubles; so does this.
 */
function undoubleDutch(stem: string): string {
  return /([bdfgklmnprst])\1$/.test(stem) ? stem.slice(0, -1) : stem;
}

/** Stems already computed: words repeat, and a stemmer takes tens of microseconds. Bounded. */
const memo = new Map<string, string>();
const MEMO_SIZE = 50_000;

/**
 * Whether a word's stem says enough to match on: four letters or more (shorter ones are mostly
 * little words: Dutch "bijen" bees → "bij" at) and most of the word (English "hospitality" →
 * "hospit" says little).
 */
export function usableStem(stem: string, word: string): boolean {
  return stem.length >= 4 && stem.length >= word.length * 0.6;
}

/** The stem of a folded word in a language ('' when the stemmer fails on it). */
export function stemOf(lang: Lang, word: string): string {
  const key = `${lang}:${word}`;
  let stem = memo.get(key);
  if (stem === undefined) {
    if (memo.size >= MEMO_SIZE) memo.clear();
    stem = stemNow(lang, word);
    memo.set(key, stem);
  }
  return stem;
}

const CONJUNCTIONS = fold(['و', 'ف']);
const ARTICLES = fold(['وال', 'بال', 'كال', 'فال', 'لل', 'ال', 'ب', 'ل', 'ك']);
const ARTICLE = 'ال';
const AR_ENDINGS = fold(['هما', 'كما', 'هم', 'هن', 'كم', 'كن', 'نا', 'ها', 'ات', 'ون', 'ين', 'ان', 'يه', 'ه', 'ي', 'ك']);
/** Persian has no article and no ب/ل/ک clitics ("برای" is not ب + "رای"): only the verb prefix (FA_PREFIXES) and endings. */
const FA_ENDINGS = fold(['هایمان', 'هایتان', 'هایشان', 'هایم', 'هایت', 'هایش', 'های', 'ها', 'ترین', 'تر', 'ام', 'ات', 'اش', 'یم', 'ید', 'ند', 'ی']);

/** Only the article family: an entry's first letter is its own ("كرايون" is not ك + "رايون"). */
const ENTRY_ARTICLES = fold(['وال', 'بال', 'كال', 'فال', 'لل', 'ال']);

function arabicForms(word: string, out: Set<string>, entry: boolean): void {
  if (entry) {
    out.add(stripOnce(word, ENTRY_ARTICLES, false, 3));
    return;
  }
  const noConj = stripOnce(word, CONJUNCTIONS, false, 3);
  for (const w of [word, noConj]) {
    const noArticle = stripOnce(w, ARTICLES, false, 3);
    for (const x of [w, noArticle]) {
      out.add(x);
      // An ending only comes off a word whose article is off too ("السكن" is not "الس" + كن).
      if (!x.startsWith(ARTICLE)) out.add(stripOnce(x, AR_ENDINGS, true, 3));
    }
  }
}

function persianForms(word: string, out: Set<string>, entry: boolean): void {
  for (const w of [word, stripOnce(word, FA_PREFIXES, false, 3)]) {
    out.add(w);
    if (!entry) out.add(stripOnce(w, FA_ENDINGS, true, 3));
  }
}

/**
 * A folded Arabic-script word and its cores, each kept only when three letters or more remain.
 * Arabic: without a leading و/ف, an article or preposition (ال، بال، لل، ب), a possessive or
 * plural ending (ـها، ـات، ـي). Persian: without می/نمی and its endings (ـها، ـهای، ـام، ـی).
 * Both when the language is not known. A lexicon entry (`entry`) only loses an article (or می):
 * a single letter that looks like a clitic, or an ending, is part of the word the translator
 * wrote — and two cores that both lost an ending only share letters (أدوات tools, أدوية medicines).
 */
export function arabicScriptForms(word: string, lang?: 'ar' | 'fa', entry = false): string[] {
  const out = new Set([word]);
  if (lang !== 'fa') arabicForms(word, out, entry);
  if (lang !== 'ar') persianForms(word, out, entry);
  return [...out];
}
