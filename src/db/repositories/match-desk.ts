/** What the matchmaker's cards read and record: match views, the cards shown, suggestions to announce. */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { MatchView, MatchViewMember } from '../../core/matching/desk.js';
import type { Executor } from '../client.js';
import { channelIdentities, matchCards, matches, matchMembers, offers, organisations, participants, places } from '../schema/index.js';

function membersOf(db: Executor, ids: readonly string[]) {
  return db
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
}

type MemberRow = Awaited<ReturnType<typeof membersOf>>[number];

function memberView(m: MemberRow): MatchViewMember {
  return m.title !== null
    ? { role: m.role, kind: 'offer', label: `${m.title} (${m.organisation ?? ''})`, answer: null, reachable: true }
    : { role: m.role, kind: 'resident', label: m.name ?? '—', answer: m.answer, reachable: m.chatId !== null };
}

/** The matches as the cards show them, in the order of `ids`. */
export async function matchViews(db: Executor, ids: readonly string[]): Promise<MatchView[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .select({ id: matches.id, kind: matches.kind, state: matches.state, score: matches.score, reasons: matches.reasons, needsInterpreter: matches.needsInterpreter, meetingNote: matches.meetingNote, place: places.name, placeCode: places.code })
    .from(matches)
    .leftJoin(places, eq(places.id, matches.placeId))
    .where(inArray(matches.id, [...ids]));
  const members = await membersOf(db, ids);
  const order = new Map(ids.map((id, i) => [id, i]));
  return rows
    .sort((a, b) => (order.get(a.id) ?? 0) - (order.get(b.id) ?? 0))
    .map((r) => ({ ...r, members: members.filter((m) => m.matchId === r.id).map(memberView) }));
}

/** Where a card showing these matches was posted, so it can be updated in place. */
export async function recordCard(db: Executor, matchIds: readonly string[], conversationId: string, activityId: string): Promise<void> {
  if (matchIds.length === 0) return;
  await db.insert(matchCards).values(matchIds.map((matchId) => ({ matchId, conversationId, activityId })));
}

/** Takes up to `limit` suggestions of a place not announced yet (oldest first) and marks them announced. */
export async function takeUnannounced(tx: Executor, placeId: number, limit: number): Promise<string[]> {
  const pending = await tx
    .select({ id: matches.id })
    .from(matches)
    .where(and(eq(matches.placeId, placeId), eq(matches.state, 'suggested'), isNull(matches.notifiedAt)))
    .orderBy(matches.createdAt)
    .limit(limit);
  const ids = pending.map((p) => p.id);
  if (ids.length > 0) await tx.update(matches).set({ notifiedAt: new Date() }).where(inArray(matches.id, ids));
  return ids;
}
