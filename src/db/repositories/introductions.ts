/**
 * Double opt-in introductions. The matchmaker's *Introduce* asks each resident on Telegram
 * without naming anyone; only when they said yes does anyone learn who the other is. Every
 * message goes through the outbox, in the same transaction as the change that causes it.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { CATEGORY_BY_ID } from '../../core/taxonomy/categories.js';
import type { Button, Text } from '../../core/dialogue/types.js';
import type { Reason } from '../../core/matching/types.js';
import { enqueue } from '../../outbox/outbox.js';
import { rowsOf, type Executor } from '../client.js';
import { channelIdentities, matchCards, matches, matchMembers, offers, participants, places, teamsConversations } from '../schema/index.js';

/** When the follow-up "Did you meet?" goes out after both said yes. */
export interface IntroPolicy {
  readonly followUpDays: number;
}
export const DEFAULT_INTRO_POLICY: IntroPolicy = { followUpDays: 7 };
/** After this many unanswered proposals, one gentle "still interested?" instead of another. */
const SILENT_LIMIT = 3;

export interface TelegramPayload {
  readonly chatId: string;
  readonly lang: string;
  readonly text: Text;
  readonly buttons?: Button[][];
}

const cat = (id: string): Text => ({ key: `taxonomy:cat.${id}`, prefix: CATEGORY_BY_ID.get(id)?.emoji ?? '' });
const firstName = (name: string | null) => (name ?? '').trim().split(/\s+/)[0] || '—';

function topic(reasons: readonly Reason[]): Text[] {
  for (const r of reasons) {
    if (r.code === 'categories') return r.categories.map(cat);
    if (r.code === 'group') return [cat(r.category)];
  }
  return [];
}

function proposal(kind: string, role: string, reasons: readonly Reason[]): Text {
  const ambition = reasons.find((r) => r.code === 'ambition');
  if (kind === 'ambition' && ambition?.code === 'ambition') return { key: 'intro.ask.ambition', params: { type: { key: `teams:type.${ambition.offerType}` } } };
  if (kind === 'group') return { key: 'intro.ask.group', params: { category: topic(reasons) } };
  return { key: role === 'gives' ? 'intro.ask.gives' : 'intro.ask.receives', params: { categories: topic(reasons) } };
}

/** Where a resident is reached: their Telegram chat (or the local playground's). */
async function reachOf(tx: Executor, participantId: string) {
  const [row] = await tx
    .select({ chatId: channelIdentities.chatId, channel: channelIdentities.channel, lang: participants.language, name: participants.displayName, paused: participants.paused })
    .from(participants)
    .leftJoin(channelIdentities, eq(channelIdentities.participantId, participants.id))
    .where(eq(participants.id, participantId));
  return row ? { ...row, channel: row.channel ?? 'telegram' } : row;
}

/** Asks every resident of the match, on Telegram, whether they want to meet. */
export async function introduce(tx: Executor, matchId: string, meetingNote?: string): Promise<'introduced' | 'notOpen'> {
  const note = meetingNote?.trim().slice(0, 300) || null;
  const [match] = await tx
    .update(matches)
    .set({ state: 'introduced', introducedAt: new Date(), updatedAt: new Date(), meetingNote: note })
    .where(and(eq(matches.id, matchId), inArray(matches.state, ['suggested', 'snoozed'])))
    .returning();
  if (!match) return 'notOpen';
  const members = await tx.select().from(matchMembers).where(eq(matchMembers.matchId, matchId));
  for (const m of members) {
    if (!m.participantId) continue;
    const who = await reachOf(tx, m.participantId);
    if (!who?.chatId || who.paused) continue;
    const silent = rowsOf<{ n: number }>(
      await tx.execute(sql`select count(*)::int as n from match_members mm join matches x on x.id = mm.match_id
        where mm.participant_id = ${m.participantId} and mm.answer is null and x.state = 'introduced' and x.id <> ${matchId}`),
    )[0]?.n ?? 0;
    if (Number(silent) >= SILENT_LIMIT) {
      const still: TelegramPayload = {
        chatId: who.chatId,
        lang: who.lang,
        text: { key: 'still.ask' },
        buttons: [[{ text: { key: 'still.yes' }, data: 'still:y:-' }, { text: { key: 'still.pause' }, data: 'still:p:-' }]],
      };
      await enqueue(tx, { channel: who.channel, kind: 'still', dedupeKey: `still:${m.participantId}:${silent}`, payload: still, participantId: m.participantId });
      continue;
    }
    await enqueueProposal(tx, match, m.role, m.participantId, { chatId: who.chatId, lang: who.lang, channel: who.channel });
  }
  await enqueueCardUpdates(tx, matchId, 'introduced');
  return 'introduced';
}

/** "Someone nearby … do you want to meet?" with yes / no / later, once per match and person. */
async function enqueueProposal(
  tx: Executor,
  match: { id: string; kind: string; reasons: Reason[] },
  role: string,
  participantId: string,
  who: { chatId: string; lang: string; channel: 'telegram' | 'playground' },
): Promise<void> {
  const buttons: Button[][] = [[
    { text: { key: 'intro.yes' }, data: `intro:y:${match.id}` },
    { text: { key: 'intro.no' }, data: `intro:n:${match.id}` },
    { text: { key: 'intro.later' }, data: `intro:l:${match.id}` },
  ]];
  const payload: TelegramPayload = { chatId: who.chatId, lang: who.lang, text: proposal(match.kind, role, match.reasons), buttons };
  await enqueue(tx, { channel: who.channel, kind: 'proposal', dedupeKey: `proposal:${match.id}:${participantId}`, payload, participantId, matchId: match.id });
}

/** The introductions of this resident still open and never sent (held back by "still interested?"). */
export async function sendHeldProposals(tx: Executor, participantId: string): Promise<void> {
  const who = await reachOf(tx, participantId);
  if (!who?.chatId || who.paused) return;
  const held = await tx
    .select({ id: matches.id, kind: matches.kind, reasons: matches.reasons, role: matchMembers.role })
    .from(matches)
    .innerJoin(matchMembers, and(eq(matchMembers.matchId, matches.id), eq(matchMembers.participantId, participantId)))
    .where(and(eq(matches.state, 'introduced'), sql`${matchMembers.answer} is null`, sql`not exists (select 1 from outbox o where o.dedupe_key = 'proposal:' || ${matches.id} || ':' || ${participantId})`))
    .orderBy(matches.introducedAt);
  for (const m of held) await enqueueProposal(tx, m, m.role, participantId, { chatId: who.chatId, lang: who.lang, channel: who.channel });
}

/** Records one answer; when everyone answered, tells each side what they need to meet. */
export async function answerIntroduction(tx: Executor, participantId: string, matchId: string, answer: 'yes' | 'no' | 'later', policy: IntroPolicy = DEFAULT_INTRO_POLICY): Promise<void> {
  const [match] = await tx.select().from(matches).where(and(eq(matches.id, matchId), eq(matches.state, 'introduced')));
  if (!match) return;
  const updated = await tx
    .update(matchMembers)
    .set({ answer, answeredAt: new Date() })
    .where(and(eq(matchMembers.matchId, matchId), eq(matchMembers.participantId, participantId)))
    .returning({ id: matchMembers.id });
  if (updated.length === 0) return;
  const members = await tx.select().from(matchMembers).where(eq(matchMembers.matchId, matchId));
  const residents = members.filter((m) => m.participantId);
  const yes = residents.filter((m) => m.answer === 'yes');
  const allAnswered = residents.every((m) => m.answer === 'yes' || m.answer === 'no');
  let state: 'accepted' | 'declined' | undefined;
  if (match.kind === 'group') {
    if (allAnswered) state = yes.length >= 3 ? 'accepted' : 'declined';
  } else if (residents.some((m) => m.answer === 'no')) state = 'declined';
  else if (yes.length === residents.length) state = 'accepted';
  await enqueueCardUpdates(tx, matchId, `${participantId}:${answer}`);
  if (!state) return;
  await tx.update(matches).set({ state, updatedAt: new Date() }).where(eq(matches.id, matchId));
  if (state === 'accepted') {
    const people = yes.map((m) => m.participantId!);
    await tellHowToMeet(tx, match.id, match.placeId, people, members.find((m) => m.offerId)?.offerId ?? null, match.meetingNote);
    await scheduleFollowUps(tx, match.id, people, policy);
  }
  await enqueueCardUpdates(tx, matchId, state);
}

async function tellHowToMeet(tx: Executor, matchId: string, placeId: number | null, people: string[], offerId: string | null, meetingNote: string | null) {
  const [place] = placeId ? await tx.select().from(places).where(eq(places.id, placeId)) : [];
  const contact = place?.contact ?? place?.name ?? 'Stuyfplek';
  const reach = new Map<string, Awaited<ReturnType<typeof reachOf>>>();
  for (const id of people) reach.set(id, await reachOf(tx, id));
  const names = new Map(people.map((id) => [id, firstName(reach.get(id)?.name ?? null)]));
  const [offer] = offerId ? await tx.select().from(offers).where(eq(offers.id, offerId)) : [];
  for (const id of people) {
    const who = reach.get(id);
    if (!who?.chatId) continue;
    const others = people.filter((p) => p !== id).map((p) => names.get(p)!);
    const text: Text = offer
      ? { key: 'intro.acceptedOffer', params: { title: { raw: offer.title }, contact: { raw: offer.contact } } }
      : meetingNote
        ? { key: 'intro.acceptedMeeting', params: { names: { raw: others.join(', ') }, meeting: { raw: meetingNote } } }
        : { key: 'intro.accepted', params: { names: { raw: others.join(', ') }, contact: { raw: contact } } };
    await enqueue(tx, { channel: who.channel, kind: 'accepted', dedupeKey: `accepted:${matchId}:${id}`, payload: { chatId: who.chatId, lang: who.lang, text } satisfies TelegramPayload, participantId: id, matchId });
  }
  if (offer) {
    const [conversation] = await tx.select().from(teamsConversations).where(eq(teamsConversations.aadObjectId, offer.authorAadId.toLowerCase()));
    if (conversation) {
      const text: Text = { key: 'teams:intro.providerTold', params: { names: { raw: [...names.values()].join(', ') }, title: { raw: offer.title }, contact: { raw: contact } } };
      await enqueue(tx, { channel: 'teams', kind: 'text', dedupeKey: `provider:${matchId}`, payload: { reference: conversation.reference, text }, matchId });
    }
  }
}

/** Every card that shows this match is refreshed in place (through the outbox). */
export async function enqueueCardUpdates(tx: Executor, matchId: string, because: string): Promise<void> {
  const cards = await tx
    .select({ activityId: matchCards.activityId, conversationId: matchCards.conversationId, reference: teamsConversations.reference })
    .from(matchCards)
    .innerJoin(teamsConversations, eq(teamsConversations.conversationId, matchCards.conversationId))
    .where(eq(matchCards.matchId, matchId));
  for (const card of cards) {
    const ids = rowsOf<{ match_id: string }>(await tx.execute(sql`select match_id from match_cards where activity_id = ${card.activityId} order by id`)).map((r) => r.match_id);
    await enqueue(tx, {
      channel: 'teams',
      kind: 'card.update',
      dedupeKey: `update:${card.activityId}:${matchId}:${because}`,
      payload: { reference: card.reference, activityId: card.activityId, matchIds: ids },
      matchId,
    });
  }
}

/** "Did you meet? 👍 / ⏳ / 👎", a configurable number of days after both said yes. */
async function scheduleFollowUps(tx: Executor, matchId: string, people: readonly string[], policy: IntroPolicy): Promise<void> {
  const notBefore = new Date(Date.now() + policy.followUpDays * 86_400_000);
  for (const id of people) {
    const who = await reachOf(tx, id);
    if (!who?.chatId) continue;
    const buttons: Button[][] = [[
      { text: { key: 'followup.met' }, data: `met:y:${matchId}` },
      { text: { key: 'followup.notYet' }, data: `met:w:${matchId}` },
      { text: { key: 'followup.no' }, data: `met:n:${matchId}` },
    ]];
    const payload: TelegramPayload = { chatId: who.chatId, lang: who.lang, text: { key: 'followup.ask' }, buttons };
    await enqueue(tx, { channel: who.channel, kind: 'followup', dedupeKey: `followup:${matchId}:${id}`, payload, participantId: id, matchId, notBefore });
  }
}

/** Records "did you meet" and the outcome; the first 👍 marks the match as met. */
export async function answerFollowUp(tx: Executor, participantId: string, matchId: string, answer: { met?: 'met' | 'notYet' | 'no'; outcome?: string }): Promise<void> {
  const set = { ...(answer.met ? { met: answer.met } : {}), ...(answer.outcome ? { outcome: answer.outcome } : {}) };
  const updated = await tx.update(matchMembers).set(set).where(and(eq(matchMembers.matchId, matchId), eq(matchMembers.participantId, participantId))).returning({ id: matchMembers.id });
  if (updated.length === 0) return;
  if (answer.met === 'met') {
    const moved = await tx.update(matches).set({ state: 'met', updatedAt: new Date() }).where(and(eq(matches.id, matchId), eq(matches.state, 'accepted'))).returning({ id: matches.id });
    if (moved.length > 0) await enqueueCardUpdates(tx, matchId, 'met');
  }
  if (answer.outcome) await enqueueCardUpdates(tx, matchId, `outcome:${participantId}:${answer.outcome}`);
}
