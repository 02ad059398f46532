/**
 * Table-driven walks through the pure dialogue engine: each row is what the resident does and
 * which message keys come back. No database: these assert the conversation itself.
 */
import { describe, expect, it } from 'vitest';
import { handleTurn } from '../../src/core/dialogue/engine.js';
import type { DialogueState, Input, Output, TurnContext } from '../../src/core/dialogue/types.js';
import { DEFAULT_PLACES } from '../../src/db/seed.js';

const ctx = (languageHint?: string): TurnContext => ({
  now: new Date('2026-11-27T10:00:00Z'),
  profileName: 'Amina',
  languageHint,
  places: DEFAULT_PLACES,
});

type Step = [Input, string[]];
const cmd = (command: string, payload?: string): Input => ({ type: 'command', command, ...(payload ? { payload } : {}) });
const tap = (data: string): Input => ({ type: 'button', data });
const say = (text: string): Input => ({ type: 'text', text });

function keysOf(outputs: Output[]): string[] {
  return outputs.filter((o) => o.type === 'message').map((o) => o.text.key);
}

function walk(steps: Step[], hint?: string) {
  let state: DialogueState | null = null;
  let outputs: Output[] = [];
  const effects: string[] = [];
  steps.forEach(([input, expected], i) => {
    const result = handleTurn(state, input, ctx(hint));
    expect(keysOf(result.outputs), `step ${i} (${JSON.stringify(input)})`).toEqual(expected);
    effects.push(...result.effects.map((e) => e.type));
    state = result.state;
    outputs = result.outputs;
  });
  return { state: state as DialogueState | null, effects, outputs };
}

const intake = (lang: string): Step[] => [
  [cmd('start', 'lier'), ['start.welcome', 'language.ask']],
  [tap(`lang:${lang}:lier`), ['consent.ask']],
  [tap(`cons:y:${lang}:lier`), ['consent.thanks', 'name.confirm']],
  [tap('name:y'), ['place.confirm']],
  [tap('place:y'), ['neighbourhood.ask']],
  [tap('neighbourhood:skip'), ['goesting.ask']],
  [tap('goesting:t:cooking'), ['goesting.ask']],
  [tap('goesting:p:1'), ['goesting.ask']],
  [tap('goesting:t:sewing'), ['goesting.ask']],
  [tap('goesting:d'), ['skills.ask']],
  [tap('skills:t:sewing'), ['skills.ask']],
  [tap('skills:d'), ['needs.ask']],
  [tap('needs:t:dutch_practice'), ['needs.ask']],
  [tap('needs:d'), ['ambition.ask']],
  [tap('ambition:t:work'), ['ambition.ask']],
  [tap('ambition:d'), ['availability.ask']],
  [tap('availability:t:mon-morning'), ['availability.ask']],
  [tap('availability:t:wed-evening'), ['availability.ask']],
  [tap('availability:d'), ['languages.ask']],
  [tap('languages:t:en'), ['languages.ask']],
  [tap('languages:d'), ['summary.text', 'summary.ask']],
  [tap('summary:ok'), ['summary.saved', 'done.menu']],
];

describe('the whole intake by taps alone', () => {
  for (const lang of ['nl', 'ar', 'tr']) {
    it(`in ${lang}`, () => {
      const { state, effects } = walk(intake(lang));
      expect(effects).toEqual(['consent', 'confirmProfile']);
      expect(state).toMatchObject({
        lang,
        step: 'done',
        status: 'active',
        draft: {
          name: 'Amina',
          placeCode: 'lier',
          goesting: { categories: ['cooking', 'sewing'] },
          skills: { categories: ['sewing'] },
          needs: { categories: ['dutch_practice'] },
          ambition: { categories: ['work'] },
          availability: ['mon-morning', 'wed-evening'],
        },
      });
      // The UI language is preselected as spoken; English was added with a tap.
      expect(state!.draft.spoken).toEqual([lang, 'en']);
    });
  }
});

describe('before consent', () => {
  it('keeps no state at all, and the No answer stores nothing', () => {
    const { state, effects } = walk([
      [cmd('start'), ['start.welcome', 'language.ask']],
      [say('hallo?'), ['start.welcome', 'language.ask']],
      [tap('lang:fr:'), ['consent.ask']],
      [tap('cons:m:fr:'), ['privacy.more', 'consent.ask']],
      [tap('cons:n:fr:'), ['consent.declined']],
      [cmd('mydata'), ['mydata.nothing', 'language.ask']],
      [cmd('forget'), ['forget.nothing', 'language.ask']],
    ]);
    expect(state).toBeNull();
    expect(effects).toEqual([]);
  });

  it('preselects the phone language and carries the place from the deep link', () => {
    const result = handleTurn(null, cmd('start', 'Borgerhout'), ctx('ar-SA'));
    expect(result.lang).toBe('ar');
    const keyboard = result.outputs.at(-1);
    expect(keyboard?.type === 'message' && keyboard.buttons?.[0]?.[0]?.data).toBe('lang:ar:borgerhout');
  });

  it('ignores an unknown place code', () => {
    const result = handleTurn(null, cmd('start', 'nowhere'), ctx());
    const keyboard = result.outputs.at(-1);
    expect(keyboard?.type === 'message' && keyboard.buttons?.[0]?.[0]?.data).toBe('lang:nl:');
  });
});

const upToGoesting: Step[] = intake('nl').slice(0, 6);
const upToNeeds: Step[] = [...upToGoesting, [tap('goesting:d'), ['skills.ask']], [tap('skills:d'), ['needs.ask']]];

describe('own words, voice and sensitive needs', () => {
  it('suggests a category for free text and keeps the words', () => {
    const { state } = walk([
      ...upToGoesting,
      [say('ik kook graag voor de buren'), ['picker.didYouMeanOne']],
      [tap('goesting:s:cooking'), ['picker.added', 'goesting.ask']],
    ]);
    expect(state!.draft.goesting).toMatchObject({ categories: ['cooking'], texts: ['ik kook graag voor de buren'] });
  });

  it('lets someone who said several things take each suggestion, and keeps the words once', () => {
    const { state } = walk([
      ...upToGoesting,
      [say('ik kook graag en ik naai kleren'), ['picker.didYouMean']],
      [tap('goesting:s:cooking'), ['picker.added', 'picker.alsoThese']],
      [tap('goesting:s:sewing'), ['picker.added', 'goesting.ask']],
    ]);
    expect(state!.draft.goesting).toMatchObject({ categories: ['cooking', 'sewing'], texts: ['ik kook graag en ik naai kleren'] });
    const enough = walk([
      ...upToGoesting,
      [say('ik kook graag en ik naai kleren'), ['picker.didYouMean']],
      [tap('goesting:s:cooking'), ['picker.added', 'picker.alsoThese']],
      [tap('goesting:s:-'), ['goesting.ask']],
    ]).state!;
    expect(enough.draft.goesting).toMatchObject({ categories: ['cooking'], texts: ['ik kook graag en ik naai kleren'] });
    expect(enough.pending).toBeUndefined();
  });

  it('keeps words it cannot place, and a voice note for the matchmaker', () => {
    const { state } = walk([
      ...upToGoesting,
      [say('qwzx plop'), ['picker.notUnderstood', 'goesting.ask']],
      [{ type: 'voice', fileId: 'VOICE-1', durationSec: 7 }, ['picker.voiceKept', 'goesting.ask']],
    ]);
    expect(state!.draft.goesting).toMatchObject({ texts: ['qwzx plop'], voices: ['VOICE-1'] });
  });

  it('reads a voice note\'s caption like typed words: a sensitive caption is a flag, never words', () => {
    const { state } = walk([
      ...upToNeeds,
      [{ type: 'voice', fileId: 'VOICE-2', durationSec: 9, caption: 'de deurwaarder komt morgen' }, ['picker.voiceKept', 'picker.sensitiveNoted', 'needs.ask']],
    ]);
    expect(state!.draft.flags).toEqual(['money_debts']);
    expect(state!.draft.needs.voices).toEqual(['VOICE-2']);
    expect(JSON.stringify(state)).not.toContain('deurwaarder');
  });

  it('refuses a 5,000-character text kindly and stores none of it', () => {
    const { state } = walk([...upToGoesting, [say('a'.repeat(5000)), ['picker.tooLong']]]);
    expect(state!.draft.goesting.texts).toEqual([]);
  });

  it('strips control and bidi-override characters', () => {
    const { state } = walk([...upToGoesting, [say('\u202Egnik\u0000 plop\u2066'), ['picker.notUnderstood', 'goesting.ask']]]);
    expect(state!.draft.goesting.texts).toEqual(['gnik plop']);
  });

  it('at the needs question, keeps no words it did not understand and says so', () => {
    const { state, outputs } = walk([
      ...upToNeeds,
      [say('qwzx plop'), ['picker.notKept', 'needs.ask']],
      [say('iemand om mijn fiets te maken'), ['picker.didYouMeanOne']],
    ]);
    expect(JSON.stringify(outputs)).toContain('picker.noneFits');
    expect(JSON.stringify(outputs)).not.toContain('picker.noneOfThese');
    const after = walk([
      ...upToNeeds,
      [say('iemand om mijn fiets te maken'), ['picker.didYouMeanOne']],
      [tap('needs:s:-'), ['picker.notKept', 'needs.ask']],
    ]).state!;
    expect(after.draft.needs).toMatchObject({ categories: [], texts: [] });
    expect(JSON.stringify(after)).not.toContain('qwzx');
    expect(JSON.stringify(state)).not.toContain('qwzx');
  });

  it('at the needs question, keeps the topic understood but never the typed words, and says so first', () => {
    const { state, outputs } = walk([
      ...upToNeeds,
      [tap('needs:w'), ['picker.ownWordsHintNeeds']],
      [say('iemand om mijn fiets te maken, de ketting is eraf'), ['picker.didYouMeanOne']],
      [tap('needs:s:bike_repair'), ['picker.added', 'needs.ask']],
    ]);
    expect(JSON.stringify(outputs)).not.toContain('picker.ownWordsHint"');
    expect(state!.draft.needs).toMatchObject({ categories: ['bike_repair'], texts: [] });
    expect(JSON.stringify(state)).not.toContain('ketting');
    // Elsewhere the hint is the plain one and understood words are kept for the matchmaker.
    const goesting = walk([...upToGoesting, [tap('goesting:w'), ['picker.ownWordsHint']], [say('ik kook graag'), ['picker.didYouMeanOne']], [tap('goesting:s:cooking'), ['picker.added', 'goesting.ask']]]).state!;
    expect(goesting.draft.goesting.texts).toEqual(['ik kook graag']);
  });

  it('at the needs question, None of these after a flag says nothing more and keeps the flag', () => {
    const { state } = walk([
      ...upToNeeds,
      [say('hulp met mijn cv, en ik heb schulden'), ['picker.sensitiveNoted', 'picker.didYouMeanOne']],
      [tap('needs:s:-'), ['needs.ask']],
    ]);
    expect(state!.draft.flags).toEqual(['money_debts']);
    expect(state!.draft.needs).toMatchObject({ categories: [], texts: [] });
    expect(JSON.stringify(state)).not.toContain('schulden');
  });

  it('stores a sensitive need as a flag only, then refers warmly', () => {
    const { state } = walk([
      ...upToNeeds,
      [say('ik heb schulden bij de deurwaarder'), ['picker.sensitiveNoted', 'needs.ask']],
      [tap('needs:d'), ['referral.intro']],
      [tap('referral:call'), ['referral.willCall', 'ambition.ask']],
    ]);
    expect(state!.draft.flags).toEqual(['money_debts']);
    expect(JSON.stringify(state)).not.toContain('deurwaarder');
    expect(state!.callRequested).toBe(true);
  });
});

describe('own words: at most three suggestions, ambitions too', () => {
  const buttonsOf = (outputs: Output[]) => {
    const last = outputs.at(-1);
    return last?.type === 'message' ? (last.buttons?.flat().map((b) => b.data) ?? []) : [];
  };

  it('offers at most three categories, best first, and "none of these"', () => {
    const { outputs, state } = walk([...upToGoesting, [say('koken, bakken, naaien, tuinieren en fietsen herstellen'), ['picker.didYouMean']]]);
    const data = buttonsOf(outputs);
    expect(data).toHaveLength(4);
    expect(data.at(-1)).toBe('goesting:s:-');
    expect(state!.pending?.suggestions).toHaveLength(3);
  });

  it('understands a dream typed in own words as an ambition, which then reaches offers', () => {
    const toAmbition = intake('nl').slice(0, 14);
    const { state, outputs } = walk([...toAmbition, [say('later wil ik graag een opleiding volgen'), ['picker.didYouMeanOne']]]);
    expect(buttonsOf(outputs)).toEqual(['ambition:s:training', 'ambition:s:-']);
    const after = handleTurn(state, tap('ambition:s:training'), ctx());
    expect(keysOf(after.outputs)).toEqual(['picker.added', 'ambition.ask']);
    expect(after.state!.draft.ambition).toMatchObject({ categories: ['training'], texts: ['later wil ik graag een opleiding volgen'] });
  });

  it('does not offer what the resident says they cannot do', () => {
    const { state } = walk([...upToGoesting, [say('koken lukt me niet, maar tuinieren wel'), ['picker.didYouMeanOne']]]);
    expect(state!.pending?.suggestions).toEqual(['gardening']);
  });
});

describe('own words that name a sensitive need at any question', () => {
  it('keeps the flag and offers the ordinary category of the same words, never storing them', () => {
    const { state, outputs } = walk([
      ...upToGoesting,
      [tap('goesting:d'), ['skills.ask']],
      [say('ik kan goed koken maar ik heb veel schulden'), ['picker.sensitiveNoted', 'picker.didYouMeanOne']],
    ]);
    expect(state!.draft.flags).toEqual(['money_debts']);
    expect(state!.pending).toEqual({ suggestions: ['cooking'], understood: true });
    const last = outputs.at(-1);
    expect(last?.type === 'message' ? last.buttons?.flat().map((b) => b.data) : []).toEqual(['skills:s:cooking', 'skills:s:-']);
    expect(JSON.stringify(state)).not.toContain('schulden');
  });

  it('"none of these" after a sensitive answer shows the question again, with nothing kept', () => {
    const { state } = walk([
      ...upToGoesting,
      [tap('goesting:d'), ['skills.ask']],
      [say('ik kan goed koken maar ik heb veel schulden'), ['picker.sensitiveNoted', 'picker.didYouMeanOne']],
      [tap('skills:s:-'), ['skills.ask']],
    ]);
    expect(state!.draft.skills).toEqual({ categories: [], texts: [], voices: [] });
    expect(state!.pending).toBeUndefined();
    expect(JSON.stringify(state)).not.toContain('schulden');
  });
});

describe('summary, changes and commands', () => {
  const finished = intake('nl');

  it('changes one part from the summary and comes back to it', () => {
    const { state } = walk([
      ...finished.slice(0, -1),
      [tap('summary:c:name'), ['name.confirm']],
      [tap('name:o'), ['name.ask']],
      [say('Mina'), ['summary.text', 'summary.ask']],
      [tap('summary:c:skills'), ['skills.ask']],
      [tap('skills:t:baking'), ['skills.ask']],
      [tap('skills:d'), ['summary.text', 'summary.ask']],
      [tap('summary:ok'), ['summary.saved', 'done.menu']],
    ]);
    expect(state!.draft.name).toBe('Mina');
    expect(state!.draft.skills.categories).toEqual(['sewing', 'baking']);
  });

  it('answers stale buttons and unsupported messages with the current step', () => {
    walk([
      ...upToGoesting,
      [tap('name:y'), ['goesting.ask']],
      [tap('goesting:t:no_such_category'), ['goesting.ask']],
      [{ type: 'unsupported' }, ['common.unsupported', 'goesting.ask']],
      [tap('cons:y:nl:lier'), ['goesting.ask']],
    ]);
  });

  it('pauses, resumes, changes language and resumes the step', () => {
    const { state } = walk([
      ...upToGoesting,
      [cmd('pause'), ['pause.done']],
      [cmd('language'), ['language.ask']],
      [tap('language:uk'), ['language.changed', 'goesting.ask']],
      [cmd('resume'), ['resume.done']],
      [cmd('start'), ['start.welcomeBack', 'goesting.ask']],
    ]);
    expect(state).toMatchObject({ lang: 'uk', paused: false, step: 'goesting' });
  });

  it('forgets after one confirmation, or keeps on No', () => {
    const kept = walk([...finished, [cmd('forget'), ['forget.ask']], [tap('forget:no'), ['forget.kept', 'done.menu']]]);
    expect(kept.state?.status).toBe('active');
    const gone = walk([...finished, [cmd('forget'), ['forget.ask']], [tap('forget:yes'), ['forget.done']]]);
    expect(gone.state).toBeNull();
    expect(gone.effects.at(-1)).toBe('forget');
  });

  it('shows everything stored on /mydata and the profile on /profile', () => {
    walk([...finished, [cmd('mydata'), ['mydata.intro', 'summary.text', 'mydata.outro']], [cmd('profile'), ['summary.text', 'summary.ask']]]);
  });
});
