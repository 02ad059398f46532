/** The double opt-in rules, without a database: when a match is settled, what residents are asked. */
import { describe, expect, it } from 'vitest';
import { holdsBack, howToMeet, proposalButtons, settle, stillInterested, followUp } from '../../src/core/introductions/lifecycle.js';
import { decodeCallback } from '../../src/core/protocol/callback-data.js';

const ids = ['a', 'b', 'c', 'd'];
const members = (...answers: ('yes' | 'no' | 'later' | null)[]) => answers.map((answer, i) => ({ participantId: ids[i]!, answer }));
const MATCH = '0b9c1f7e-2a4d-4e8b-9c3a-5d6e7f8a9b0c';

describe('settle', () => {
  it('a pair: one no declines, all yes accepts, otherwise it waits', () => {
    expect(settle('complement', members('yes', null), { groupMin: 3 })).toBeUndefined();
    expect(settle('complement', members('yes', 'later'), { groupMin: 3 })).toBeUndefined();
    expect(settle('complement', members('yes', 'no'), { groupMin: 3 })).toBe('declined');
    expect(settle('complement', members('yes', 'yes'), { groupMin: 3 })).toBe('accepted');
  });

  it('a resident and an offer: the offer has no answer to give', () => {
    expect(settle('ambition', [{ participantId: 'a', answer: 'yes' }, { participantId: null, answer: null }], { groupMin: 3 })).toBe('accepted');
  });

  it('a group waits for everyone, then goes ahead with at least groupMin yes (from configuration)', () => {
    expect(settle('group', members('yes', 'yes', null), { groupMin: 2 })).toBeUndefined();
    expect(settle('group', members('yes', 'yes', 'no'), { groupMin: 2 })).toBe('accepted');
    expect(settle('group', members('yes', 'yes', 'no'), { groupMin: 3 })).toBe('declined');
    expect(settle('group', members('yes', 'yes', 'yes', 'no'), { groupMin: 4 })).toBe('declined');
    expect(settle('group', members('yes', 'yes', 'yes', 'yes'), { groupMin: 4 })).toBe('accepted');
  });
});

describe('messages', () => {
  it('holds back the fourth proposal to someone who left three unanswered', () => {
    expect([0, 1, 2, 3, 4].map(holdsBack)).toEqual([false, false, false, true, true]);
  });

  it('builds buttons with the one callback protocol', () => {
    expect(proposalButtons(MATCH)[0]!.map((b) => b.data)).toEqual([`intro:y:${MATCH}`, `intro:n:${MATCH}`, `intro:l:${MATCH}`]);
    expect(proposalButtons(MATCH)[0]!.map((b) => decodeCallback(b.data))).toEqual([
      { type: 'intro', matchId: MATCH, answer: 'yes' },
      { type: 'intro', matchId: MATCH, answer: 'no' },
      { type: 'intro', matchId: MATCH, answer: 'later' },
    ]);
    expect(stillInterested().buttons[0]!.map((b) => b.data)).toEqual(['still:y:-', 'still:p:-']);
    expect(followUp(MATCH).buttons[0]!.map((b) => b.data)).toEqual([`met:y:${MATCH}`, `met:w:${MATCH}`, `met:n:${MATCH}`]);
  });

  it('tells how to meet: the offer, the proposed moment, or names and the place', () => {
    const facts = { offer: null, meetingNote: null, placeContact: 'Stuyfplek Lier' };
    expect(howToMeet(['Omar'], facts)).toEqual({ key: 'intro.accepted', params: { names: { raw: 'Omar' }, contact: { raw: 'Stuyfplek Lier' } } });
    expect(howToMeet(['Omar', 'Lien'], { ...facts, meetingNote: 'dinsdag 14u' }).key).toBe('intro.acceptedMeeting');
    expect(howToMeet([], { ...facts, offer: { title: 'Kookles', contact: 'Lien 0470' } }).key).toBe('intro.acceptedOffer');
  });
});
