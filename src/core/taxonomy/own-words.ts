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
   * Whether the words themselves may be stored: never when a sensitive topic was found, and not
   * at the needs question when nothing in them was understood (see `keepsUnclearWords`).
   */
  readonly keepWords: boolean;
}

/**
 * Fail safe where heavy topics come: at the needs question, words the reader did not understand
 * may hold a sensitive need it missed, said in a way nobody wrote down yet — they are not stored.
 * The resident is asked to tap a topic or tell the matchmaker in person. Elsewhere (what someone
 * loves, can do, dreams of) words that were not understood are kept for the matchmaker.
 */
export function keepsUnclearWords(part: TextPart): boolean {
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
    keepWords: reading.flags.length === 0 && (suggestions.length > 0 || keepsUnclearWords(options.part)),
  };
}
