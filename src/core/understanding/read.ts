/**
 * Understanding a resident's own words: which categories, ambitions and sensitive topics they
 * say, each with a confidence and the words that said it. Deterministic and explainable; nothing
 * leaves the machine. Used by the dialogue, the importer and the offer form alike.
 *
 * - Every word of an entry must be found near the others, in any order ("ik repareer kapotte
 *   fietsen" and "fietsen herstellen" both say 🚲 bike repair).
 * - A longer entry wins over a shorter one on the same words (📱 smartphone help is not offered
 *   for "gsm's herstellen" when 🔌 electronics repair is).
 * - What is negated in its clause is not offered ("koken lukt me niet, maar tuinieren wel"),
 *   except a need ("ik heb geen werk" is a need for work) and never a sensitive topic: that
 *   detector fails safe and reads every word.
 */
import type { Ambition, Lang, SensitiveFlag } from '../taxonomy/categories.js';
import { tokenize, type TextToken } from './fold.js';
import { findHits, QUALITY, type Hit, type HitMap } from './hits.js';
import { findNegations, isNegated } from './negation.js';
import { lexicon, type CompiledLexicon, type Pattern, type PatternKind } from './patterns.js';

export type TextPart = 'goesting' | 'skills' | 'needs' | 'ambition' | 'offer';

export interface Suggestion<Id extends string = string> {
  readonly id: Id;
  /** 0–1: how sure the reading is (an exact entry 1, a stem 0.95, a typo 0.7). */
  readonly confidence: number;
  /** The lexicon entry that matched, for explanations (never shown for a sensitive topic). */
  readonly entry: string;
}

export interface Reading {
  /** With `explain` only: the sensitive entries that fired, for whoever extends the lexicon (never stored, never logged). */
  readonly sensitiveEntries?: string[];
  readonly flags: SensitiveFlag[];
  readonly categories: Suggestion[];
  readonly ambitions: Suggestion<Ambition>[];
}

interface Match {
  readonly pattern: Pattern;
  readonly tokens: readonly number[];
  readonly quality: number;
  /** How far apart its words stand. */
  readonly span: number;
}

/** How far apart the words of one entry may stand: a few words between them, no more. */
const spanAllowed = (words: number) => words * 2 + 1;

/**
 * Where an entry stands in the text, if it does: all its words near each other — in any order
 * (a comma between them is fine: "fiets, die kan ik herstellen", a clause break such as "maar"
 * is not), except an entry with a little word (three letters or less: "je cours", "a form"), which
 * must stand in its own order, close together.
 */
function place(pattern: Pattern, words: Map<number, Hit[]>, tokens: readonly TextToken[]): Match | null {
  const n = pattern.words.length;
  if (words.size < n) return null;
  let best: Match | null = null;
  for (const anchor of words.get(0) ?? []) {
    const used = [anchor.token];
    let quality = anchor.quality;
    for (let w = 1; w < n; w++) {
      const after = used[used.length - 1]!;
      const near = (words.get(w) ?? [])
        .filter((h) => !used.includes(h.token) && (!pattern.ordered || h.token > after))
        .sort((a, b) => Math.abs(a.token - anchor.token) - Math.abs(b.token - anchor.token) || b.quality - a.quality)[0];
      if (!near) break;
      used.push(near.token);
      quality = Math.min(quality, near.quality);
    }
    if (used.length < n) continue;
    if (pattern.kind !== 'sensitive' && crossesBreak(used, tokens)) continue;
    const span = Math.max(...used) - Math.min(...used);
    if (span > (pattern.ordered ? n : spanAllowed(n))) continue;
    // The closest placement wins ("ik zing niet, ik dans": "ik dans" is the second "ik").
    if (!best || span < best.span || (span === best.span && quality > best.quality)) best = { pattern, tokens: used, quality, span };
  }
  return best;
}

/**
 * Whether the words of a match stand on both sides of a clause break ("I love my bike but I
 * repair phones" is no bike repair) that is not one of its own words ("niet meer alleen" holds
 * "alleen"). A sensitive entry may (that detector fails safe).
 */
function crossesBreak(used: readonly number[], tokens: readonly TextToken[]): boolean {
  const from = Math.min(...used);
  const to = Math.max(...used);
  for (let k = from + 1; k <= to; k++) if (tokens[k]!.turn !== tokens[k - 1]!.turn && !used.includes(k)) return true;
  return false;
}

function matchesOf(lex: CompiledLexicon, hits: HitMap, kind: PatternKind, tokens: readonly TextToken[]): Match[] {
  const out: Match[] = [];
  for (const [index, words] of hits) {
    const pattern = lex.patterns[index]!;
    if (pattern.kind !== kind) continue;
    const m = place(pattern, words, tokens);
    if (m) out.push(m);
  }
  return out;
}

/**
 * Longer entries first; a match whose words all belong to a longer (or surer) one of another id
 * is dropped. A one-word typo never shadows: it may be a different word; in a longer entry the
 * other words confirm it.
 */
function unshadowed(matches: readonly Match[]): Match[] {
  const sorted = [...matches].sort((a, b) => b.pattern.words.length - a.pattern.words.length || b.quality - a.quality || b.pattern.letters - a.pattern.letters);
  const owners = new Map<number, Match[]>();
  const kept: Match[] = [];
  for (const m of sorted) {
    // Two ids on the same words, equally long, are both kept: the resident chooses.
    const shadowed = m.tokens.every((t) => (owners.get(t) ?? []).some((o) => o.pattern.id !== m.pattern.id && longer(o, m)));
    if (shadowed) continue;
    kept.push(m);
    if (m.quality < QUALITY.start && m.pattern.words.length < 2) continue;
    for (const t of m.tokens) owners.set(t, [...(owners.get(t) ?? []), m]);
  }
  return kept;
}

const longer = (a: Match, b: Match) => a.pattern.words.length > b.pattern.words.length || (a.pattern.words.length === b.pattern.words.length && a.pattern.letters > b.pattern.letters);

/** One suggestion per id: its best match; ranked by confidence, then by how early it was said. */
function rank<Id extends string>(matches: readonly Match[]): Suggestion<Id>[] {
  const best = new Map<string, { m: Match; count: number }>();
  for (const m of matches) {
    const seen = best.get(m.pattern.id);
    if (!seen) best.set(m.pattern.id, { m, count: 1 });
    else best.set(m.pattern.id, { m: m.quality > seen.m.quality ? m : seen.m, count: seen.count + 1 });
  }
  return [...best.values()]
    .sort((a, b) => b.m.quality - a.m.quality || b.count - a.count || Math.min(...a.m.tokens) - Math.min(...b.m.tokens))
    .map(({ m }) => ({ id: m.pattern.id as Id, confidence: Math.round(m.quality * 100) / 100, entry: m.pattern.entry }));
}

export interface ReadOptions {
  /** The resident's language: its file is read in full (stems, word starts, typos, negation); others only as the same word. */
  readonly lang?: Lang;
  readonly part: TextPart;
  /** Another compiled lexicon than the project's (tests). */
  readonly lexicon?: CompiledLexicon;
  /** Also say which sensitive entries fired (`npm run words:misses`). */
  readonly explain?: boolean;
}

function affirmed(matches: Match[], tokens: readonly TextToken[], cues: ReadonlyMap<number, readonly number[]>): Match[] {
  return matches.filter((m) => !isNegated(m.tokens, m.pattern.words.map((w) => w.text), tokens, cues));
}

/**
 * A weak entry (a thing named in passing: "~gsm", "~kitchen") counts only when nothing else was
 * found — a sensitive topic included: in "mijn ex bedreigt mij op whatsapp" the phone is not the point.
 * A guessed typo is offered only beside nothing surer: next to a word read as written or by its
 * stem, a near miss is more often another word ("gieten" is not "geiten").
 */
function strongest(matches: Match[], sensitiveFound: boolean): Match[] {
  let strong = matches.filter((m) => !m.pattern.weak);
  if (strong.some((m) => m.quality >= QUALITY.stem)) strong = strong.filter((m) => m.quality > QUALITY.typo);
  return strong.length > 0 || sensitiveFound ? strong : matches;
}

export function readText(text: string, options: ReadOptions): Reading {
  const tokens = tokenize(text);
  if (tokens.length === 0) return { flags: [], categories: [], ambitions: [] };
  const lex = options.lexicon ?? lexicon();
  const negations = findNegations(tokens, options.lang);
  const hits = findHits(lex, tokens, options.lang);
  const sensitive = matchesOf(lex, hits, 'sensitive', tokens).filter((m) => !m.pattern.needsOnly || options.part === 'needs');
  const flags = [...new Set(sensitive.map((m) => m.pattern.id))] as SensitiveFlag[];
  const cues = options.part === 'needs' ? negations.need : negations.general;
  const categories = affirmed(matchesOf(lex, hits, 'category', tokens), tokens, cues);
  const ambitions = affirmed(matchesOf(lex, hits, 'ambition', tokens), tokens, negations.general);
  return {
    flags,
    ...(options.explain ? { sensitiveEntries: sensitive.map((m) => `${m.pattern.entry}|${m.quality}`) } : {}),
    categories: rank(strongest(unshadowed(categories), flags.length > 0)),
    ambitions: rank<Ambition>(strongest(unshadowed(ambitions), flags.length > 0)),
  };
}
