/** Imported profiles and offers are matched like confirmed ones, once the import has committed. */
import type { Matcher } from '../core/matching/matcher.js';
import type { ImportedIds } from '../db/repositories/importer.js';

/** Runs the matcher for every added or updated participant and offer; returns the suggestions' pair keys. */
export async function matchImported(matcher: Matcher, ids: ImportedIds): Promise<Set<string>> {
  const suggestions = new Set<string>();
  for (const id of ids.participantIds) for (const plan of await matcher.matchParticipant(id)) suggestions.add(plan.pairKey);
  for (const id of ids.offerIds) for (const plan of await matcher.matchOffer(id)) suggestions.add(plan.pairKey);
  return suggestions;
}
