/** The matchmaker's desk on PostgreSQL: match views for cards, and Introduce / Not now / Not a fit. */
import { and, eq, inArray } from 'drizzle-orm';
import type { MatchDesk, MatchView } from '../../core/matching/desk.js';
import type { Database } from '../client.js';
import { channelIdentities, matchCards, matches, matchMembers, offers, organisations, participants, places } from '../schema/index.js';
import { dismissMatch } from './matching-store.js';
import { enqueueCardUpdates, introduce } from './introductions.js';

export function createMatchDesk(db: Database, dismissPenalty: number): MatchDesk {
  return {
    async views(ids): Promise<MatchView[]> {
      if (ids.length === 0) return [];
      const rows = await db
        .select({ id: matches.id, kind: matches.kind, state: matches.state, score: matches.score, reasons: matches.reasons, needsInterpreter: matches.needsInterpreter, meetingNote: matches.meetingNote, place: places.name, placeCode: places.code })
        .from(matches)
        .leftJoin(places, eq(places.id, matches.placeId))
        .where(inArray(matches.id, [...ids]));
      const members = await db
        .select({
          matchId: matchMembers.matchId,
          role: matchMembers.role,
          answer: matchMembers.answer,
          name: participants.displayName,
          chatId: channelIdentities.chatId,
          title: offers.title,
          organisation: organisations.name,
        })
        .from(matchMembers)
        .leftJoin(participants, eq(participants.id, matchMembers.participantId))
        .leftJoin(channelIdentities, eq(channelIdentities.participantId, matchMembers.participantId))
        .leftJoin(offers, eq(offers.id, matchMembers.offerId))
        .leftJoin(organisations, eq(organisations.id, offers.organisationId))
        .where(inArray(matchMembers.matchId, [...ids]))
        .orderBy(matchMembers.id);
      const order = new Map(ids.map((id, i) => [id, i]));
      return rows
        .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
        .map((r) => ({
          ...r,
          members: members
            .filter((m) => m.matchId === r.id)
            .map((m) =>
              m.title !== null
                ? { role: m.role, kind: 'offer' as const, label: `${m.title} (${m.organisation ?? ''})`, answer: null, reachable: true }
                : { role: m.role, kind: 'resident' as const, label: m.name ?? '—', answer: m.answer, reachable: m.chatId !== null },
            ),
        }));
    },
    introduce: (matchId, meetingNote) => db.transaction(async (tx) => (await introduce(tx, matchId, meetingNote)) === 'introduced'),
    snooze: (matchId) =>
      db.transaction(async (tx) => {
        const rows = await tx.update(matches).set({ state: 'snoozed', updatedAt: new Date() }).where(and(eq(matches.id, matchId), eq(matches.state, 'suggested'))).returning({ id: matches.id });
        if (rows.length > 0) await enqueueCardUpdates(tx, matchId, 'snoozed');
        return rows.length > 0;
      }),
    dismiss: async (matchId, reason) => {
      const done = await dismissMatch(db, matchId, reason.slice(0, 300), dismissPenalty);
      if (done) await db.transaction((tx) => enqueueCardUpdates(tx, matchId, 'dismissed'));
      return done;
    },
    async recordCard(matchIds, conversationId, activityId) {
      if (matchIds.length === 0) return;
      await db.insert(matchCards).values(matchIds.map((matchId) => ({ matchId, conversationId, activityId })));
    },
  };
}
