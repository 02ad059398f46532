/**
 * Double opt-in introductions: the matchmaker's *Introduce* asks each resident without naming
 * anyone; only when they said yes does anyone learn who the other is. Core rules + repositories,
 * every message through the outbox port in the same transaction as the change that causes it.
 */
import {
  DEFAULT_INTRO_POLICY,
  firstName,
  followUp,
  followUpAt,
  holdsBack,
  howToMeet,
  introKeys,
  meetingNoteOf,
  proposalButtons,
  proposalText,
  providerTold,
  settle,
  stillInterested,
  type IntroPolicy,
} from '../core/introductions/lifecycle.js';
import type { MatchKind, Reason } from '../core/matching/types.js';
import type { OutboxPort } from '../core/outbox/messages.js';
import type { IntroAnswer, MeetAnswer } from '../core/protocol/callback-data.js';
import type { Executor } from '../db/client.js';
import * as repo from '../db/repositories/introductions.js';
import { outboxOf } from '../db/repositories/outbox.js';

/** Every card that shows this match is refreshed in place. */
export async function refreshCards(tx: Executor, outbox: OutboxPort, matchId: string, because: string): Promise<void> {
  for (const card of await repo.cardsShowing(tx, matchId)) {
    await outbox.enqueue({
      channel: 'teams',
      kind: 'card.update',
      dedupeKey: introKeys.cardUpdate(card.activityId, matchId, because),
      payload: { reference: card.reference, activityId: card.activityId, matchIds: card.matchIds },
      matchId,
    });
  }
}

type ProposedMatch = { readonly id: string; readonly kind: MatchKind; readonly reasons: Reason[] };

async function propose(outbox: OutboxPort, match: ProposedMatch, role: string, participantId: string, who: repo.Reach & { chatId: string }): Promise<void> {
  const payload = { chatId: who.chatId, lang: who.lang, text: proposalText(match.kind, role, match.reasons), buttons: proposalButtons(match.id) };
  await outbox.enqueue({ channel: who.channel, kind: 'proposal', dedupeKey: introKeys.proposal(match.id, participantId), payload, participantId, matchId: match.id });
}

/** Asks every reachable resident of the match whether they want to meet. */
export async function introduce(tx: Executor, matchId: string, meetingNote?: string): Promise<'introduced' | 'notOpen'> {
  const outbox = outboxOf(tx);
  const match = await repo.markIntroduced(tx, matchId, meetingNoteOf(meetingNote));
  if (!match) return 'notOpen';
  for (const m of await repo.membersOf(tx, matchId)) {
    if (!m.participantId) continue;
    const who = await repo.reachOf(tx, m.participantId);
    if (!who?.chatId || who.paused) continue;
    const silent = await repo.silentProposals(tx, m.participantId, matchId);
    if (holdsBack(silent)) {
      const still = stillInterested();
      const payload = { chatId: who.chatId, lang: who.lang, ...still };
      await outbox.enqueue({ channel: who.channel, kind: 'still', dedupeKey: introKeys.still(m.participantId, silent), payload, participantId: m.participantId });
      continue;
    }
    await propose(outbox, match, m.role, m.participantId, { ...who, chatId: who.chatId });
  }
  await refreshCards(tx, outbox, matchId, 'introduced');
  return 'introduced';
}

/** "Yes, keep asking": the proposals held back meanwhile go out now, each once. */
export async function sendHeldProposals(tx: Executor, participantId: string): Promise<void> {
  const who = await repo.reachOf(tx, participantId);
  if (!who?.chatId || who.paused) return;
  const outbox = outboxOf(tx);
  for (const m of await repo.heldProposals(tx, participantId)) await propose(outbox, m, m.role, participantId, { ...who, chatId: who.chatId });
}

async function tellHowToMeet(tx: Executor, outbox: OutboxPort, match: repo.MatchRow, people: string[], offerId: string | null): Promise<void> {
  const placeContact = await repo.placeContact(tx, match.placeId);
  const reach = new Map<string, repo.Reach | undefined>();
  for (const id of people) reach.set(id, await repo.reachOf(tx, id));
  const names = new Map(people.map((id) => [id, firstName(reach.get(id)?.name ?? null)]));
  const offer = await repo.offerOf(tx, offerId);
  for (const id of people) {
    const who = reach.get(id);
    if (!who?.chatId) continue;
    const others = people.filter((p) => p !== id).map((p) => names.get(p)!);
    const text = howToMeet(others, { offer: offer ?? null, meetingNote: match.meetingNote, placeContact });
    await outbox.enqueue({ channel: who.channel, kind: 'accepted', dedupeKey: introKeys.accepted(match.id, id), payload: { chatId: who.chatId, lang: who.lang, text }, participantId: id, matchId: match.id });
  }
  const reference = offer ? await repo.conversationOfAuthor(tx, offer.authorAadId) : undefined;
  if (offer && reference) {
    const text = providerTold([...names.values()], offer.title, placeContact);
    await outbox.enqueue({ channel: 'teams', kind: 'text', dedupeKey: introKeys.provider(match.id), payload: { reference, text }, matchId: match.id });
  }
}

async function scheduleFollowUps(tx: Executor, outbox: OutboxPort, matchId: string, people: readonly string[], policy: IntroPolicy): Promise<void> {
  const notBefore = followUpAt(new Date(), policy);
  for (const id of people) {
    const who = await repo.reachOf(tx, id);
    if (!who?.chatId) continue;
    const payload = { chatId: who.chatId, lang: who.lang, ...followUp(matchId) };
    await outbox.enqueue({ channel: who.channel, kind: 'followup', dedupeKey: introKeys.followUp(matchId, id), payload, participantId: id, matchId, notBefore });
  }
}

/** Records one answer; once the match is settled, tells each side what they need to meet. */
export async function answerIntroduction(tx: Executor, participantId: string, matchId: string, answer: IntroAnswer, policy: IntroPolicy = DEFAULT_INTRO_POLICY): Promise<void> {
  const match = await repo.introducedMatch(tx, matchId);
  if (!match || !(await repo.recordAnswer(tx, matchId, participantId, answer))) return;
  const outbox = outboxOf(tx);
  const members = await repo.membersOf(tx, matchId);
  const state = settle(match.kind, members, policy);
  await refreshCards(tx, outbox, matchId, `${participantId}:${answer}`);
  if (!state) return;
  await repo.setMatchState(tx, matchId, state);
  if (state === 'accepted') {
    const people = members.filter((m) => m.participantId && m.answer === 'yes').map((m) => m.participantId!);
    await tellHowToMeet(tx, outbox, match, people, members.find((m) => m.offerId)?.offerId ?? null);
    await scheduleFollowUps(tx, outbox, match.id, people, policy);
  }
  await refreshCards(tx, outbox, matchId, state);
}

/** Records "did you meet" and the outcome; the first 👍 marks the match as met. */
export async function answerFollowUp(tx: Executor, participantId: string, matchId: string, answer: { met?: MeetAnswer; outcome?: string }): Promise<void> {
  if (!(await repo.recordFollowUp(tx, matchId, participantId, answer))) return;
  const outbox = outboxOf(tx);
  if (answer.met === 'met' && (await repo.markMet(tx, matchId))) await refreshCards(tx, outbox, matchId, 'met');
  if (answer.outcome) await refreshCards(tx, outbox, matchId, `outcome:${participantId}:${answer.outcome}`);
}
