/**
 * The button protocol: every kind of `callback_data` encodes to the exact string keyboards already
 * in people's chats carry, and reads back to the same value; anything else reads as `null`.
 */
import { describe, expect, it } from 'vitest';
import { decodeCallback, encodeCallback, MAX_CALLBACK_BYTES, stepCallback, type CallbackData } from '../../src/core/protocol/callback-data.js';

const ID = '3f2b8c1e-9a4d-4b7e-8c21-5d6e7f8a9b0c';

const ROUNDTRIPS: [string, CallbackData][] = [
  [`intro:y:${ID}`, { type: 'intro', matchId: ID, answer: 'yes' }],
  [`intro:n:${ID}`, { type: 'intro', matchId: ID, answer: 'no' }],
  [`intro:l:${ID}`, { type: 'intro', matchId: ID, answer: 'later' }],
  [`met:y:${ID}`, { type: 'met', matchId: ID, answer: 'met' }],
  [`met:w:${ID}`, { type: 'met', matchId: ID, answer: 'notYet' }],
  [`met:n:${ID}`, { type: 'met', matchId: ID, answer: 'no' }],
  [`outcome:training:${ID}`, { type: 'outcome', matchId: ID, outcome: 'training' }],
  [`outcome:nothing:${ID}`, { type: 'outcome', matchId: ID, outcome: 'nothing' }],
  ['still:y:-', { type: 'still', choice: 'keep' }],
  ['still:p:-', { type: 'still', choice: 'pause' }],
  ['retain:y', { type: 'retain' }],
  ['help:call', { type: 'helpCall' }],
  ['lang:nl:lier', { type: 'welcomeLanguage', lang: 'nl', place: 'lier' }],
  ['lang:ar:', { type: 'welcomeLanguage', lang: 'ar', place: '' }],
  ['cons:y:nl:lier', { type: 'consent', answer: 'yes', lang: 'nl', place: 'lier' }],
  ['cons:m:tr:', { type: 'consent', answer: 'more', lang: 'tr', place: '' }],
  ['cons:n:uk:lier', { type: 'consent', answer: 'no', lang: 'uk', place: 'lier' }],
  ['name:y', { type: 'step', step: 'name', action: 'y', args: [] }],
  ['name:o', { type: 'step', step: 'name', action: 'o', args: [] }],
  ['place:y', { type: 'step', step: 'place', action: 'y', args: [] }],
  ['place:s:lier', { type: 'step', step: 'place', action: 's', args: ['lier'] }],
  ['neighbourhood:skip', { type: 'step', step: 'neighbourhood', action: 'skip', args: [] }],
  ['goesting:t:cooking', { type: 'step', step: 'goesting', action: 't', args: ['cooking'] }],
  ['skills:p:1', { type: 'step', step: 'skills', action: 'p', args: ['1'] }],
  ['needs:w', { type: 'step', step: 'needs', action: 'w', args: [] }],
  ['needs:s:-', { type: 'step', step: 'needs', action: 's', args: ['-'] }],
  ['ambition:d', { type: 'step', step: 'ambition', action: 'd', args: [] }],
  ['referral:call', { type: 'step', step: 'referral', action: 'call', args: [] }],
  ['referral:no', { type: 'step', step: 'referral', action: 'no', args: [] }],
  ['availability:t:mon-morning', { type: 'step', step: 'availability', action: 't', args: ['mon-morning'] }],
  ['availability:all', { type: 'step', step: 'availability', action: 'all', args: [] }],
  ['languages:t:en', { type: 'step', step: 'languages', action: 't', args: ['en'] }],
  ['summary:ok', { type: 'step', step: 'summary', action: 'ok', args: [] }],
  ['summary:c:skills', { type: 'step', step: 'summary', action: 'c', args: ['skills'] }],
  ['language:uk', { type: 'step', step: 'language', action: 'uk', args: [] }],
  ['forget:yes', { type: 'step', step: 'forget', action: 'yes', args: [] }],
  ['forget:no', { type: 'step', step: 'forget', action: 'no', args: [] }],
];

const MALFORMED = [
  '',
  ':',
  'intro:y:not-a-uuid',
  `intro:x:${ID}`,
  `intro:y:${ID}:extra`,
  'intro:y',
  `met:x:${ID}`,
  'met:y:------------------------------------',
  `outcome:fortune:${ID}`,
  'still:z:-',
  'still:y',
  'retain:n',
  'retain:y:again',
  'help:me',
  'lang:xx:lier',
  'cons:y:xx:lier',
  'cons:q:nl:lier',
  'unknownstep:t:x',
  'Name:y',
];

describe('the button protocol', () => {
  for (const [wire, data] of ROUNDTRIPS) {
    it(`${wire || '(empty)'} encodes and decodes`, () => {
      expect(encodeCallback(data)).toBe(wire);
      expect(decodeCallback(wire)).toEqual(data);
    });
  }

  it('builds step buttons with stepCallback', () => {
    expect(stepCallback('skills', 't', 'cooking')).toBe('skills:t:cooking');
    expect(stepCallback('name', 'y')).toBe('name:y');
    expect(stepCallback('language', 'fa')).toBe('language:fa');
  });

  for (const wire of MALFORMED) {
    it(`reads ${JSON.stringify(wire)} as no button of ours`, () => {
      expect(decodeCallback(wire)).toBeNull();
    });
  }

  it(`refuses to build data over ${MAX_CALLBACK_BYTES} bytes`, () => {
    expect(() => stepCallback('goesting', 't', 'x'.repeat(60))).toThrow(RangeError);
    // Bytes, not characters: 37 characters, but 29 Arabic letters are 58 bytes.
    expect(() => encodeCallback({ type: 'welcomeLanguage', lang: 'ar', place: 'ب'.repeat(29) })).toThrow(RangeError);
    expect(stepCallback('goesting', 't', 'x'.repeat(MAX_CALLBACK_BYTES - 'goesting:t:'.length))).toHaveLength(MAX_CALLBACK_BYTES);
  });
});
