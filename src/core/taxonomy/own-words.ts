/**
 * What someone's own words say, read fail-safe: the sensitive-topic detector runs first on every
 * free text; when it fires, the topics are kept as flags and the words are never kept — but the
 * ordinary categories said in the same text still count ("work, and I also have debts" is
 * job search plus a money flag). One rule for the dialogue and the importer.
 */
import type { SensitiveFlag } from './categories.js';
import { detectSensitive, suggestCategories } from './text-match.js';

export interface OwnWords {
  readonly flags: SensitiveFlag[];
  /** Category ids found, best first. */
  readonly categories: string[];
  /** Whether the words themselves may be stored: never when a sensitive topic was found. */
  readonly keepWords: boolean;
}

export function readOwnWords(text: string, options: { readonly categories: boolean; readonly limit?: number }): OwnWords {
  const flags = detectSensitive(text);
  const categories = options.categories ? suggestCategories(text, options.limit) : [];
  return { flags, categories, keepWords: flags.length === 0 };
}
