/**
 * The double opt-in as rules over data: which answer settles a match, what each resident is
 * asked and told, and when a resident gets "still interested?" instead of another proposal.
 * The service (`src/services/introductions.ts`) loads, runs these, saves and enqueues.
 */
import { CATEGORY_BY_ID } from '../taxonomy/categories.js';
import type { Button, Text } from '../dialogue/types.js';
import type { MatchKind, Reason } from '../matching/types.js';
import { encodeCallback, type IntroAnswer } from '../protocol/callback-data.js';

/** After this many unanswered proposals, one gentle "still interested?" instead of another. */
export const SILENT_LIMIT = 3;

export interface IntroPolicy {
  /** Days after both said yes before "Did you meet?". */
  readonly followUpDays: number;
  /** Yes answers a group needs to go ahead (matching's `groupMin`). */
  readonly groupMin: number;
}
export const DEFAULT_INTRO_POLICY: IntroPolicy = { followUpDays: 7, groupMin: 3 };

export interface MemberAnswer {
  readonly participantId: string | null;
  readonly answer: IntroAnswer | null;
}

/**
 * The state a match moves to after an answer, or `undefined` while answers are still open: a pair
 * is declined by one no and accepted by all yes; a group waits for everyone, then goes ahead with
 * at least `groupMin` yes.
 */
export function settle(kind: MatchKind, members: readonly MemberAnswer[], policy: Pick<IntroPolicy, 'groupMin'>): 'accepted' | 'declined' | undefined {
  const residents = members.filter((m) => m.participantId);
  const yes = residents.filter((m) => m.answer === 'yes').length;
  if (kind === 'group') {
    const allAnswered = residents.every((m) => m.answer === 'yes' || m.answer === 'no');
    if (!allAnswered) return undefined;
    return yes >= policy.groupMin ? 'accepted' : 'declined';
  }
  if (residents.some((m) => m.answer === 'no')) return 'declined';
  return yes === residents.length ? 'accepted' : undefined;
}

/** Whether the next proposal to someone with this many unanswered ones is held back. */
export const holdsBack = (silentProposals: number): boolean => silentProposals >= SILENT_LIMIT;

const cat = (id: string): Text => ({ key: `taxonomy:cat.${id}`, prefix: CATEGORY_BY_ID.get(id)?.emoji ?? '' });

function topic(reasons: readonly Reason[]): Text[] {
  for (const r of reasons) {
    if (r.code === 'categories') return r.categories.map(cat);
    if (r.code === 'group') return [cat(r.category)];
  }
  return [];
}

/** "Someone nearby … do you want to meet?": never names anyone. */
export function proposalText(kind: MatchKind, role: string, reasons: readonly Reason[]): Text {
  const ambition = reasons.find((r) => r.code === 'ambition');
  if (kind === 'ambition' && ambition?.code === 'ambition') return { key: 'intro.ask.ambition', params: { type: { key: `teams:type.${ambition.offerType}` } } };
  if (kind === 'group') return { key: 'intro.ask.group', params: { category: topic(reasons) } };
  return { key: role === 'gives' ? 'intro.ask.gives' : 'intro.ask.receives', params: { categories: topic(reasons) } };
}

export function proposalButtons(matchId: string): Button[][] {
  return [[
    { text: { key: 'intro.yes' }, data: encodeCallback({ type: 'intro', answer: 'yes', matchId }) },
    { text: { key: 'intro.no' }, data: encodeCallback({ type: 'intro', answer: 'no', matchId }) },
    { text: { key: 'intro.later' }, data: encodeCallback({ type: 'intro', answer: 'later', matchId }) },
  ]];
}

export const stillInterested = (): { text: Text; buttons: Button[][] } => ({
  text: { key: 'still.ask' },
  buttons: [[
    { text: { key: 'still.yes' }, data: encodeCallback({ type: 'still', choice: 'keep' }) },
    { text: { key: 'still.pause' }, data: encodeCallback({ type: 'still', choice: 'pause' }) },
  ]],
});

export const followUp = (matchId: string): { text: Text; buttons: Button[][] } => ({
  text: { key: 'followup.ask' },
  buttons: [[
    { text: { key: 'followup.met' }, data: encodeCallback({ type: 'met', answer: 'met', matchId }) },
    { text: { key: 'followup.notYet' }, data: encodeCallback({ type: 'met', answer: 'notYet', matchId }) },
    { text: { key: 'followup.no' }, data: encodeCallback({ type: 'met', answer: 'no', matchId }) },
  ]],
});

/** When "Did you meet?" goes out. */
export const followUpAt = (now: Date, policy: Pick<IntroPolicy, 'followUpDays'>): Date => new Date(now.getTime() + policy.followUpDays * 86_400_000);

export const firstName = (name: string | null): string => (name ?? '').trim().split(/\s+/)[0] || '—';

export interface MeetingFacts {
  /** The provider's offer when one side is an organisation. */
  readonly offer: { readonly title: string; readonly contact: string } | null;
  /** The moment and place the matchmaker typed on *Introduce*. */
  readonly meetingNote: string | null;
  /** The Stuyfplek's contact (or its name). */
  readonly placeContact: string;
}

/** What one resident is told once everyone said yes: the offer's contact, the meeting, or names and contact. */
export function howToMeet(others: readonly string[], facts: MeetingFacts): Text {
  if (facts.offer) return { key: 'intro.acceptedOffer', params: { title: { raw: facts.offer.title }, contact: { raw: facts.offer.contact } } };
  const names = { raw: others.join(', ') };
  if (facts.meetingNote) return { key: 'intro.acceptedMeeting', params: { names, meeting: { raw: facts.meetingNote } } };
  return { key: 'intro.accepted', params: { names, contact: { raw: facts.placeContact } } };
}

/** The provider learns who said yes to their offer. */
export function providerTold(names: readonly string[], offerTitle: string, placeContact: string): Text {
  return { key: 'teams:intro.providerTold', params: { names: { raw: names.join(', ') }, title: { raw: offerTitle }, contact: { raw: placeContact } } };
}

/** The matchmaker's note is kept short. */
export const meetingNoteOf = (note: string | undefined): string | null => note?.trim().slice(0, 300) || null;

/** Dedupe keys: each message of the lifecycle is written once per match and person. */
export const introKeys = {
  proposal: (matchId: string, participantId: string) => `proposal:${matchId}:${participantId}`,
  still: (participantId: string, silent: number) => `still:${participantId}:${silent}`,
  accepted: (matchId: string, participantId: string) => `accepted:${matchId}:${participantId}`,
  provider: (matchId: string) => `provider:${matchId}`,
  followUp: (matchId: string, participantId: string) => `followup:${matchId}:${participantId}`,
  cardUpdate: (activityId: string, matchId: string, because: string) => `update:${activityId}:${matchId}:${because}`,
};
