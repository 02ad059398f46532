/** Reading suggestions back for people: the matches listing now, the Teams notifications later. */
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Reason } from '../../core/matching/types.js';
import type { Database } from '../client.js';
import { matches, matchMembers, offers, organisations, participants, places } from '../schema/index.js';

export interface SuggestionMember {
  readonly role: string;
  /** A resident's name, or an offer's title with its organisation. */
  readonly label: string;
  readonly kind: 'resident' | 'offer';
}

export interface Suggestion {
  readonly id: string;
  readonly kind: 'complement' | 'group' | 'ambition';
  readonly score: number;
  readonly place: string | null;
  readonly reasons: Reason[];
  readonly needsInterpreter: boolean;
  readonly members: SuggestionMember[];
}

export async function listSuggestions(db: Database, options: { place?: string | undefined; limit: number }): Promise<Suggestion[]> {
  const where = options.place
    ? and(eq(matches.state, 'suggested'), eq(places.code, options.place))
    : eq(matches.state, 'suggested');
  const rows = await db
    .select({ id: matches.id, kind: matches.kind, score: matches.score, reasons: matches.reasons, needsInterpreter: matches.needsInterpreter, place: places.name })
    .from(matches)
    .leftJoin(places, eq(places.id, matches.placeId))
    .where(where)
    .orderBy(desc(matches.score), desc(matches.updatedAt))
    .limit(options.limit);
  if (rows.length === 0) return [];
  const members = await db
    .select({
      matchId: matchMembers.matchId,
      role: matchMembers.role,
      name: participants.displayName,
      title: offers.title,
      organisation: organisations.name,
    })
    .from(matchMembers)
    .leftJoin(participants, eq(participants.id, matchMembers.participantId))
    .leftJoin(offers, eq(offers.id, matchMembers.offerId))
    .leftJoin(organisations, eq(organisations.id, offers.organisationId))
    .where(inArray(matchMembers.matchId, rows.map((r) => r.id)))
    .orderBy(matchMembers.id);
  return rows.map((r) => ({
    ...r,
    members: members
      .filter((m) => m.matchId === r.id)
      .map((m) =>
        m.title !== null
          ? { role: m.role, kind: 'offer' as const, label: `${m.title} (${m.organisation ?? ''})` }
          : { role: m.role, kind: 'resident' as const, label: m.name ?? '—' },
      ),
  }));
}
