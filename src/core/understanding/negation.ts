/**
 * Clauses and negation. A text is cut into clauses at punctuation and at the lexicon's clause
 * breaks ("maar", "but", "اما"); a clause holding a negation word ("niet", "pas", "не", "نه")
 * or a negating piece of a word (Turkish "-miyor", Persian "نمی") is negated as a whole. A need
 * is only negated by the words that say it is not needed ("niet nodig"): "ik heb geen werk" is a
 * need for work.
 */
import { UI_LANGUAGES, type Lang } from '../taxonomy/categories.js';
import { foldText, type TextToken } from './fold.js';
import { LEXICONS } from './lexicon.js';

interface Cues {
  readonly negation: readonly string[][];
  readonly parts: readonly string[];
  readonly needNegation: readonly string[][];
  readonly breaks: readonly string[][];
}

const words = (list: readonly string[]) => list.map((x) => foldText(x).split(' ')).filter((x) => x[0]);

const cueCache = new Map<string, Cues>();

/** The resident's language's cues; every language's when it is unknown. */
function cuesFor(lang: Lang | undefined): Cues {
  const key = lang ?? '*';
  const cached = cueCache.get(key);
  if (cached) return cached;
  const langs = lang ? [lang] : [...UI_LANGUAGES];
  const cues: Cues = {
    negation: langs.flatMap((l) => words(LEXICONS[l].negation)),
    parts: langs.flatMap((l) => LEXICONS[l].negationParts.map(foldText)).filter(Boolean),
    needNegation: langs.flatMap((l) => words(LEXICONS[l].needNegation)),
    breaks: langs.flatMap((l) => words(LEXICONS[l].clauseBreaks)),
  };
  cueCache.set(key, cues);
  return cues;
}

function startsAt(tokens: readonly TextToken[], i: number, seq: readonly string[]): boolean {
  return seq.every((w, k) => tokens[i + k]?.word === w);
}

/** Where the negation cues of a text stand: clause number → the token indices of its cues. */
export interface Negations {
  /** "niet", "pas", "не", "-miyor": what someone does not do or like. */
  readonly general: ReadonlyMap<number, readonly number[]>;
  /** "niet nodig", "don't need", "لا أحتاج": what someone does not need. */
  readonly need: ReadonlyMap<number, readonly number[]>;
}

function addCue(map: Map<number, number[]>, clause: number, at: readonly number[]): void {
  map.set(clause, [...(map.get(clause) ?? []), ...at]);
}

/** Where a need-negation cue of several words stands from `i`: in its order, a word or two between them ("geen tolk nodig"). */
function spreadAt(tokens: readonly TextToken[], i: number, seq: readonly string[]): number[] | null {
  if (tokens[i]?.word !== seq[0]) return null;
  const at = [i];
  for (const word of seq.slice(1)) {
    const from = at[at.length - 1]! + 1;
    let found = -1;
    for (let j = from; j <= from + 2 && j < tokens.length; j++) {
      if (tokens[j]!.clause !== tokens[i]!.clause) break;
      if (tokens[j]!.word === word) {
        found = j;
        break;
      }
    }
    if (found < 0) return null;
    at.push(found);
  }
  return at;
}

const run = (i: number, length: number) => Array.from({ length }, (_, k) => i + k);

/**
 * Renumbers the clauses of `tokens` in place (a clause break starts a new one, and a new turn:
 * see `TextToken.turn`) and returns where the negation cues stand in them.
 */
export function findNegations(tokens: TextToken[], lang: Lang | undefined): Negations {
  const cues = cuesFor(lang);
  let clause = 0;
  let turn = 0;
  let last = tokens[0]?.clause;
  tokens.forEach((t, i) => {
    const breaks = cues.breaks.some((seq) => startsAt(tokens, i, seq));
    if (t.clause !== last || breaks) clause++;
    if (breaks) turn++;
    last = t.clause;
    t.clause = clause;
    t.turn = turn;
  });
  const general = new Map<number, number[]>();
  const need = new Map<number, number[]>();
  tokens.forEach((t, i) => {
    for (const seq of cues.negation) if (startsAt(tokens, i, seq)) addCue(general, t.clause, run(i, seq.length));
    if (t.word.length >= 5 && cues.parts.some((p) => t.word.includes(p))) addCue(general, t.clause, [i]);
    for (const seq of cues.needNegation) {
      const at = spreadAt(tokens, i, seq);
      if (at) addCue(need, t.clause, at);
    }
  });
  return { general, need };
}

/**
 * Whether a match is negated: a cue stands in one of its clauses and is not one of the entry's own
 * words (an entry may hold a negation itself: "niet meer alleen zijn" is a wish to meet people).
 * A cue the entry only reached by a stem or a word start is still a negation: "yemek yap" finds
 * "yapamam" (I cannot do), and that is not cooking.
 */
export function isNegated(
  matchTokens: readonly number[],
  entryWords: readonly string[],
  tokens: readonly TextToken[],
  cues: ReadonlyMap<number, readonly number[]>,
): boolean {
  const own = (cue: number) => matchTokens.includes(cue) && entryWords.includes(tokens[cue]!.word);
  return matchTokens.some((t) => (cues.get(tokens[t]!.clause) ?? []).some((cue) => !own(cue)));
}
