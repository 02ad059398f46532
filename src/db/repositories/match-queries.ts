/** Reading suggestions back for people: the matches listing (same views as the matchmaker's cards). */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { MatchView } from '../../core/matching/desk.js';
import type { Database } from '../client.js';
import { matches, places } from '../schema/index.js';
import { matchViews } from './match-desk.js';

export type Suggestion = MatchView;

/** Open suggestions, best first, optionally of one place. */
export async function listSuggestions(db: Database, options: { place?: string | undefined; limit: number }): Promise<Suggestion[]> {
  const where = options.place ? and(eq(matches.state, 'suggested'), eq(places.code, options.place)) : eq(matches.state, 'suggested');
  const rows = await db
    .select({ id: matches.id })
    .from(matches)
    .leftJoin(places, eq(places.id, matches.placeId))
    .where(where)
    .orderBy(desc(matches.score), desc(matches.updatedAt))
    .limit(options.limit);
  return matchViews(db, rows.map((r) => r.id));
}

/** The newest matches in these states (the playground's feed). */
export async function recentMatchIds(db: Database, states: readonly (typeof matches.state.enumValues)[number][], limit: number): Promise<string[]> {
  const rows = await db.select({ id: matches.id }).from(matches).where(inArray(matches.state, [...states])).orderBy(desc(matches.updatedAt)).limit(limit);
  return rows.map((r) => r.id);
}
