/**
 * Reading a stored dialogue state: version 1 (one `resumeStep`) is upgraded to version 2 (a
 * return point each for /language and /forget), and a damaged state is recovered field by field.
 */
import { describe, expect, it } from 'vitest';
import { handleTurn } from '../../src/core/dialogue/engine.js';
import { createState } from '../../src/core/dialogue/state.js';
import { dialogueStateSchema, loadDialogueState, readDialogueState } from '../../src/core/dialogue/state-schema.js';
import type { DialogueState, Input, TurnContext } from '../../src/core/dialogue/types.js';
import { DEFAULT_PLACES } from '../../src/db/seed.js';

const NOW = new Date('2026-11-27T10:00:00Z');
const CONSENTED = '2026-10-01T08:30:00.000Z';
const ctx: TurnContext = { now: NOW, profileName: 'Amina', places: DEFAULT_PLACES };
const empty = () => ({ categories: [], texts: [], voices: [] });

/** A state as version 1 stored it, half-way through the intake. */
function v1(overrides: Record<string, unknown> = {}) {
  return {
    v: 1,
    step: 'skills',
    lang: 'ar',
    status: 'intake',
    paused: false,
    callRequested: false,
    consentedAt: CONSENTED,
    draft: {
      name: 'Amina',
      placeCode: 'lier',
      goesting: { categories: ['cooking'], texts: ['ik kook graag'], voices: [] },
      skills: { categories: ['sewing'], texts: [], voices: [] },
      needs: empty(),
      ambition: empty(),
      flags: [],
      availability: [],
      spoken: ['ar'],
    },
    page: 1,
    awaitingText: false,
    returnToSummary: false,
    referredFlags: [],
    ...overrides,
  };
}

const keys = (state: DialogueState | null, input: Input) =>
  handleTurn(state, input, ctx).outputs.filter((o) => o.type === 'message').map((o) => o.text.key);

describe('upgrading a version 1 state', () => {
  it('keeps everything of a resident half-way through the intake', () => {
    const { state, storedVersion, repaired } = readDialogueState(v1(), NOW);
    expect(storedVersion).toBe(1);
    expect(repaired).toEqual([]);
    const { v: _v, ...rest } = v1();
    expect(state).toEqual({ ...rest, v: 2 });
    expect(dialogueStateSchema.safeParse(state).success).toBe(true);
  });

  it("moves the return point to the step it was written for", () => {
    expect(loadDialogueState(v1({ step: 'language', resumeStep: 'availability' })).resume).toEqual({ language: 'availability' });
    expect(loadDialogueState(v1({ step: 'forget', resumeStep: 'skills' })).resume).toEqual({ forget: 'skills' });
    // Anywhere else it was never read again: the next /language or /forget overwrote it.
    const stale = loadDialogueState(v1({ step: 'summary', resumeStep: 'skills' }));
    expect(stale.resume).toBeUndefined();
    expect(stale).not.toHaveProperty('resumeStep');
  });

  it('returns after /language and /forget where version 1 did', () => {
    const atLanguage = loadDialogueState(v1({ step: 'language', resumeStep: 'availability' }));
    expect(keys(atLanguage, { type: 'button', data: 'language:tr' })).toEqual(['language.changed', 'availability.ask']);
    const atForget = loadDialogueState(v1({ step: 'forget', resumeStep: 'skills' }));
    expect(keys(atForget, { type: 'button', data: 'forget:no' })).toEqual(['forget.kept', 'skills.ask']);
    const noReturn = loadDialogueState(v1({ step: 'language' }));
    expect(keys(noReturn, { type: 'button', data: 'language:tr' })).toEqual(['language.changed', 'done.menu']);
  });

  it('reads a state without a version as version 1', () => {
    const { v: _v, ...unversioned } = v1({ step: 'forget', resumeStep: 'needs' });
    expect(readDialogueState(unversioned, NOW)).toMatchObject({ storedVersion: undefined, repaired: [], state: { v: 2, resume: { forget: 'needs' } } });
  });
});

describe('a version 2 state', () => {
  it('reads back as it was written', () => {
    const state = createState('tr', 'lier', NOW);
    const stored = JSON.parse(JSON.stringify({ ...state, resume: { language: 'forget', forget: 'skills' } }));
    expect(readDialogueState(stored, NOW)).toEqual({ state: stored, storedVersion: 2, repaired: [] });
  });

  it('answering /language after /forget returns as one return point did: to /forget, then home', () => {
    let state = createState('nl', 'lier', NOW);
    state.step = 'skills';
    for (const [input, expected] of [
      [{ type: 'command', command: 'forget' }, ['forget.ask']],
      [{ type: 'command', command: 'language' }, ['language.ask']],
      [{ type: 'button', data: 'language:en' }, ['language.changed', 'forget.ask']],
      [{ type: 'button', data: 'forget:no' }, ['forget.kept', 'done.menu']],
    ] as [Input, string[]][]) {
      const result = handleTurn(state, input, ctx);
      expect(result.outputs.filter((o) => o.type === 'message').map((o) => o.text.key)).toEqual(expected);
      state = loadDialogueState(JSON.parse(JSON.stringify(result.state)), NOW);
    }
  });
});

describe('a damaged state', () => {
  it('keeps what is valid and recovers the rest; an active profile goes to the summary', () => {
    const damaged = v1({
      step: 'nowhere',
      status: 'active',
      paused: 'yes',
      page: -3,
      confirmedAt: 'yesterday',
      pending: { suggestions: 'cooking' },
      resumeStep: 42,
      draft: { ...v1().draft, skills: 'sewing', flags: ['housing', 'nonsense'], spoken: ['ar', 7], neighbourhood: 12 },
    });
    const { state, repaired } = readDialogueState(damaged, NOW);
    expect(state).toMatchObject({ v: 2, step: 'summary', status: 'active', lang: 'ar', consentedAt: CONSENTED, paused: false, page: 0, awaitingText: false });
    expect(state.confirmedAt).toBeUndefined();
    expect(state.pending).toBeUndefined();
    expect(state.draft).toEqual({ ...v1().draft, skills: empty(), flags: ['housing'], spoken: ['ar'], neighbourhood: undefined });
    expect([...repaired].sort()).toEqual(
      ['state.step', 'state.paused', 'state.page', 'state.confirmedAt', 'state.pending', 'state.draft.skills', 'state.draft.flags', 'state.draft.spoken', 'state.draft.neighbourhood'].sort(),
    );
    expect(dialogueStateSchema.safeParse(state).success).toBe(true);
  });

  it('puts a resident in the intake back at its first step, and carries on from there', () => {
    const state = loadDialogueState(v1({ step: 'skillz', awaitingText: true }), NOW);
    expect(state).toMatchObject({ step: 'name', awaitingText: false, lang: 'ar', draft: { name: 'Amina', skills: { categories: ['sewing'] } } });
    expect(keys(state, { type: 'button', data: 'name:y' })).toEqual(['place.confirm']);
  });

  it('falls back to a fresh state for what is no state at all', () => {
    for (const raw of [null, 'x', [], 7, {}]) {
      const state = loadDialogueState(raw, NOW);
      expect(state).toEqual(createState('nl', undefined, NOW));
    }
    expect(loadDialogueState({ lang: 'fa' }, NOW)).toEqual(createState('fa', undefined, NOW));
  });
});
