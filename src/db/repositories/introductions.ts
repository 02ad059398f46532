/**
 * What introductions load and save: matches and their members, where a resident is reached,
 * answers and follow-ups, the cards that show a match. No rules here (see core/introductions).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import type { IntroAnswer, MeetAnswer } from '../../core/protocol/callback-data.js';
import type { ConversationRef, ResidentChannel } from '../../core/outbox/messages.js';
import { rowsOf, type Executor } from '../client.js';
import { channelIdentities, matchCards, matches, matchMembers, offers, participants, places, teamsConversations } from '../schema/index.js';

export type MatchRow = typeof matches.$inferSelect;
export type MemberRow = typeof matchMembers.$inferSelect;

export interface Reach {
  readonly chatId: string | null;
  readonly channel: ResidentChannel;
  readonly lang: string;
  readonly name: string | null;
  readonly paused: boolean;
}

/** Where a resident is reached: their Telegram chat (or the local playground's). */
export async function reachOf(tx: Executor, participantId: string): Promise<Reach | undefined> {
  const [row] = await tx
    .select({ chatId: channelIdentities.chatId, channel: channelIdentities.channel, lang: participants.language, name: participants.displayName, paused: participants.paused })
    .from(participants)
    .leftJoin(channelIdentities, eq(channelIdentities.participantId, participants.id))
    .where(eq(participants.id, participantId));
  return row ? { ...row, channel: row.channel ?? 'telegram' } : undefined;
}

/** Moves a suggested or snoozed match to introduced; `undefined` when it was not open. */
export async function markIntroduced(tx: Executor, matchId: string, meetingNote: string | null): Promise<MatchRow | undefined> {
  const [match] = await tx
    .update(matches)
    .set({ state: 'introduced', introducedAt: new Date(), updatedAt: new Date(), meetingNote })
    .where(and(eq(matches.id, matchId), inArray(matches.state, ['suggested', 'snoozed'])))
    .returning();
  return match;
}

export const membersOf = (tx: Executor, matchId: string): Promise<MemberRow[]> => tx.select().from(matchMembers).where(eq(matchMembers.matchId, matchId));

export async function introducedMatch(tx: Executor, matchId: string): Promise<MatchRow | undefined> {
  const [match] = await tx.select().from(matches).where(and(eq(matches.id, matchId), eq(matches.state, 'introduced')));
  return match;
}

/** Proposals to this person still unanswered, on other introduced matches. */
export async function silentProposals(tx: Executor, participantId: string, exceptMatchId: string): Promise<number> {
  const [row] = rowsOf<{ n: number }>(
    await tx.execute(sql`select count(*)::int as n from match_members mm join matches x on x.id = mm.match_id
      where mm.participant_id = ${participantId} and mm.answer is null and x.state = 'introduced' and x.id <> ${exceptMatchId}`),
  );
  return Number(row?.n ?? 0);
}

/** The introductions of this resident still open whose proposal was never sent (held back). */
export function heldProposals(tx: Executor, participantId: string) {
  return tx
    .select({ id: matches.id, kind: matches.kind, reasons: matches.reasons, role: matchMembers.role })
    .from(matches)
    .innerJoin(matchMembers, and(eq(matchMembers.matchId, matches.id), eq(matchMembers.participantId, participantId)))
    .where(and(eq(matches.state, 'introduced'), sql`${matchMembers.answer} is null`, sql`not exists (select 1 from outbox o where o.dedupe_key = 'proposal:' || ${matches.id} || ':' || ${participantId})`))
    .orderBy(matches.introducedAt);
}

/** Records one answer; false when this person is not a member of the match. */
export async function recordAnswer(tx: Executor, matchId: string, participantId: string, answer: IntroAnswer): Promise<boolean> {
  const updated = await tx
    .update(matchMembers)
    .set({ answer, answeredAt: new Date() })
    .where(and(eq(matchMembers.matchId, matchId), eq(matchMembers.participantId, participantId)))
    .returning({ id: matchMembers.id });
  return updated.length > 0;
}

export async function setMatchState(tx: Executor, matchId: string, state: 'accepted' | 'declined'): Promise<void> {
  await tx.update(matches).set({ state, updatedAt: new Date() }).where(eq(matches.id, matchId));
}

/** The place's contact (or name) for "how to meet". */
export async function placeContact(tx: Executor, placeId: number | null): Promise<string> {
  const [place] = placeId ? await tx.select({ contact: places.contact, name: places.name }).from(places).where(eq(places.id, placeId)) : [];
  return place?.contact ?? place?.name ?? 'Stuyfplek';
}

export async function offerOf(tx: Executor, offerId: string | null) {
  const [offer] = offerId ? await tx.select({ title: offers.title, contact: offers.contact, authorAadId: offers.authorAadId }).from(offers).where(eq(offers.id, offerId)) : [];
  return offer;
}

/** The Teams conversation of the person who posted an offer, when we have one. */
export async function conversationOfAuthor(tx: Executor, authorAadId: string): Promise<ConversationRef | undefined> {
  const [conversation] = await tx.select({ reference: teamsConversations.reference }).from(teamsConversations).where(eq(teamsConversations.aadObjectId, authorAadId.toLowerCase()));
  return conversation?.reference as ConversationRef | undefined;
}

/** Every card that shows this match, with all the matches on that card (in card order). */
export async function cardsShowing(tx: Executor, matchId: string): Promise<{ activityId: string; reference: ConversationRef; matchIds: string[] }[]> {
  const cards = await tx
    .select({ activityId: matchCards.activityId, reference: teamsConversations.reference })
    .from(matchCards)
    .innerJoin(teamsConversations, eq(teamsConversations.conversationId, matchCards.conversationId))
    .where(eq(matchCards.matchId, matchId));
  const out = [];
  for (const card of cards) {
    const ids = rowsOf<{ match_id: string }>(await tx.execute(sql`select match_id from match_cards where activity_id = ${card.activityId} order by id`)).map((r) => r.match_id);
    out.push({ activityId: card.activityId, reference: card.reference as ConversationRef, matchIds: ids });
  }
  return out;
}

/** "Did you meet" and the outcome; false when this person is not a member. */
export async function recordFollowUp(tx: Executor, matchId: string, participantId: string, answer: { met?: MeetAnswer; outcome?: string }): Promise<boolean> {
  const set = { ...(answer.met ? { met: answer.met } : {}), ...(answer.outcome ? { outcome: answer.outcome } : {}) };
  const updated = await tx.update(matchMembers).set(set).where(and(eq(matchMembers.matchId, matchId), eq(matchMembers.participantId, participantId))).returning({ id: matchMembers.id });
  return updated.length > 0;
}

/** The first 👍 marks an accepted match as met; true when it moved. */
export async function markMet(tx: Executor, matchId: string): Promise<boolean> {
  const moved = await tx.update(matches).set({ state: 'met', updatedAt: new Date() }).where(and(eq(matches.id, matchId), eq(matches.state, 'accepted'))).returning({ id: matches.id });
  return moved.length > 0;
}

/** Suggested → snoozed; true when it moved. */
export async function markSnoozed(tx: Executor, matchId: string): Promise<boolean> {
  const rows = await tx.update(matches).set({ state: 'snoozed', updatedAt: new Date() }).where(and(eq(matches.id, matchId), eq(matches.state, 'suggested'))).returning({ id: matches.id });
  return rows.length > 0;
}
