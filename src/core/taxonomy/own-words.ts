/**
 * What someone's own words say, read fail-safe: the sensitive-topic detector runs on every free
 * text; when it fires, the topics are kept as flags and the words are never kept — but the
 * ordinary categories said in the same text still count ("work, and I also have debts" is
 * job search plus a money flag). One rule for the dialogue and the importer.
 */
import { readText, type Suggestion, type TextPart } from '../understanding/read.js';
import type { Ambition, Lang, SensitiveFlag } from './categories.js';

export interface OwnWords {
  readonly flags: SensitiveFlag[];
  /** Category ids found, best first, at most `limit`. */
  readonly categories: string[];
  /** Ambition ids found, best first, at most `limit`. */
  readonly ambitions: Ambition[];
  /** The same, with how sure each one is and the lexicon entry that said it. */
  readonly suggestions: readonly Suggestion[];
  /**
   * Whether the words themselves may be stored: never when a sensitive topic was found, and never
   * at the needs question (see `keepsWordsAt`).
   */
  readonly keepWords: boolean;
}

/**
 * Fail safe where heavy topics come: at the needs question the words themselves are never stored,
 * understood or not. Words that said a sensitive need in a way nobody wrote down yet, beside an
 * ordinary one ("help with my CV, and the landlord wants us out"), would otherwise be kept — so
 * only what was understood is kept there: the categories tapped and the flags. The resident is
 * asked to tap a topic, or to tell the matchmaker the rest in person. Elsewhere (what someone
 * loves, can do, dreams of) the words are kept for the matchmaker unless a sensitive topic is in them.
 */
export function keepsWordsAt(part: TextPart): boolean {
  return part !== 'needs';
}

export interface OwnWordsOptions {
  readonly part: TextPart;
  readonly lang?: Lang;
  /** At most this many suggestions (3: what "Did you mean …?" offers). */
  readonly limit?: number;
}

export function readOwnWords(text: string, options: OwnWordsOptions): OwnWords {
  const reading = readText(text, options);
  const limit = options.limit ?? 3;
  const ambition = options.part === 'ambition';
  const ambitions = ambition ? reading.ambitions.slice(0, limit) : [];
  const suggestions = ambition ? ambitions : reading.categories.slice(0, limit);
  return {
    flags: reading.flags,
    categories: ambition ? [] : suggestions.map((s) => s.id),
    ambitions: ambitions.map((s) => s.id),
    suggestions,
    keepWords: reading.flags.length === 0 && keepsWordsAt(options.part),
  };
}
