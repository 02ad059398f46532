/**
 * Clauses and negation. A text is cut into clauses at punctuation and at the lexicon's clause
 * breaks ("maar", "but", "اما"); a clause holding a negation word ("niet", "pas", "не", "نه")
 * or a negating piece of a word (Turkish "-miyor", Persian "نمی") is negated as a whole.
 */
import { UI_LANGUAGES, type Lang } from '../taxonomy/categories.js';
import { foldText, type TextToken } from './fold.js';
import { LEXICONS } from './lexicon.js';

interface Cues {
  readonly negation: readonly string[][];
  readonly parts: readonly string[];
  readonly breaks: readonly string[][];
}

const words = (list: readonly string[]) => list.map((x) => foldText(x).split(' ')).filter((x) => x[0]);

const cueCache = new Map<string, Cues>();

/** The resident's language with Dutch (the language around them); every language when unknown. */
function cuesFor(lang: Lang | undefined): Cues {
  const key = lang ?? '*';
  const cached = cueCache.get(key);
  if (cached) return cached;
  const langs = lang ? [...new Set<Lang>([lang, 'nl'])] : [...UI_LANGUAGES];
  const cues: Cues = {
    negation: langs.flatMap((l) => words(LEXICONS[l].negation)),
    parts: langs.flatMap((l) => LEXICONS[l].negationParts.map(foldText)).filter(Boolean),
    breaks: langs.flatMap((l) => words(LEXICONS[l].clauseBreaks)),
  };
  cueCache.set(key, cues);
  return cues;
}

function startsAt(tokens: readonly TextToken[], i: number, seq: readonly string[]): boolean {
  return seq.every((w, k) => tokens[i + k]?.word === w);
}

/**
 * Renumbers the clauses of `tokens` in place (a clause break starts a new one) and returns the
 * numbers of the negated clauses.
 */
export function negatedClauses(tokens: TextToken[], lang: Lang | undefined): Set<number> {
  const cues = cuesFor(lang);
  const negated = new Set<number>();
  let clause = 0;
  let last = tokens[0]?.clause;
  tokens.forEach((t, i) => {
    if (t.clause !== last || cues.breaks.some((seq) => startsAt(tokens, i, seq))) clause++;
    last = t.clause;
    t.clause = clause;
  });
  tokens.forEach((t, i) => {
    const negates = cues.negation.some((seq) => startsAt(tokens, i, seq)) || (t.word.length >= 5 && cues.parts.some((p) => t.word.includes(p)));
    if (negates) negated.add(t.clause);
  });
  return negated;
}
