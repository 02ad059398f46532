/**
 * Text folding and tokenising for all eight languages: the same word typed with or without its
 * accents, in upper or lower case, with Arabic or Persian letter variants, tatweel, harakat or a
 * zero-width non-joiner, becomes the same token. Pure; used on the residents' words and on the
 * lexicon alike, so both always meet in the same form.
 */

/** Harakat, superscript alef, Quranic marks and tatweel. */
const ARABIC_MARKS = /[\u064B-\u065F\u0670\u06D6-\u06ED\u0640]/g;
const ARABIC_SCRIPT = /[\u0600-\u06FF]/;

/** Lower-cases, folds accents and Arabic-script letter variants, keeps letters and digits. */
export function foldText(input: string): string {
  return input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(ARABIC_MARKS, '')
    .replace(/[أإآٱ]/g, 'ا')
    .replace(/ؤ/g, 'و')
    .replace(/[ىیئ]/g, 'ي')
    .replace(/ک/g, 'ك')
    .replace(/[ةۀ]/g, 'ه')
    .replace(/ı/g, 'i')
    // Inside a Ukrainian word the apostrophe (’ ' ʼ) is part of it: "п’є" is one word, "пє".
    .replace(/(\p{Script=Cyrillic})['’ʼ`](?=\p{Script=Cyrillic})/gu, '$1')
    .replace(/\u02BC/g, ' ')
    .toLowerCase()
    // Everything that is not a letter or digit — punctuation, the Persian ZWNJ — separates words.
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

export function isArabicScript(word: string): boolean {
  return ARABIC_SCRIPT.test(word);
}

/** Where one thought ends and the next begins: sentence and list punctuation (not a hyphen). */
const CLAUSE_PUNCTUATION = /[.,;:!?¿¡؟،؛…()[\]{}"«»“”\n\r\t/|•]+/u;

export interface TextToken {
  /** The folded word. */
  readonly word: string;
  /** Index of the clause it is in; clauses are cut at punctuation and at the lexicon's clause breaks. */
  clause: number;
  /** How many clause-break words ("maar", "but", "ama") stand before it: an entry never reaches across one. */
  turn: number;
}

/** The folded words of a text, each with the punctuation-clause it stands in. */
export function tokenize(input: string): TextToken[] {
  const out: TextToken[] = [];
  input.split(CLAUSE_PUNCTUATION).forEach((part, clause) => {
    for (const word of foldText(part).split(' ')) if (word) out.push({ word, clause, turn: 0 });
  });
  return out;
}
