/** The commands that are always available once someone has consented. */
import type { StepHandler, StepOutcome } from './state.js';
import { isTap, placeOf } from './state.js';
import { languageButtons } from './consent.js';
import { profileText } from './steps/summary.js';
import { button, raw, rows, say, t, toast } from './text.js';
import type { DialogueState, Effect, Input, TurnContext } from './types.js';
import { isLang } from '../taxonomy/categories.js';
import { encodeCallback, OUTCOMES, stepCallback, type CallbackData } from '../protocol/callback-data.js';

export { OUTCOMES };

export const COMMANDS = ['start', 'profile', 'language', 'pause', 'resume', 'privacy', 'mydata', 'forget', 'help'] as const;

export function helpOutput(state: DialogueState | null, ctx: TurnContext) {
  const place = state ? placeOf(state, ctx) : undefined;
  const text = place
    ? t('help.place', { place: raw(place.name), contact: raw(place.contact ?? '—') })
    : t('help.general');
  return say(text, state ? [[button(t('help.call'), encodeCallback({ type: 'helpCall' }))]] : undefined);
}

function myData(state: DialogueState, ctx: TurnContext) {
  const intro = t('mydata.intro', {
    since: raw(state.consentedAt.slice(0, 10)),
    status: t(state.paused ? 'mydata.paused' : state.status === 'active' ? 'mydata.active' : 'mydata.intake'),
    call: t(state.callRequested ? 'common.yes' : 'common.no'),
  });
  return [say(intro), say(profileText(state, ctx)), say(t('mydata.outro'))];
}

/** A command of a consented resident. The engine asks the next question when `next` is set. */
export function runCommand(state: DialogueState, input: Input & { type: 'command' }, ctx: TurnContext): StepOutcome | null {
  switch (input.command) {
    case 'start':
      return state.status === 'active'
        ? { state, outputs: [say(t('start.welcomeBackActive', { name: raw(state.draft.name ?? '') }))], next: 'done' }
        : { state, outputs: [say(t('start.welcomeBack'))], next: state.step };
    case 'profile':
      return { state, outputs: [], next: 'summary' };
    case 'language':
      if (state.step !== 'language') state.resume = { ...state.resume, language: state.step };
      return { state, outputs: [], next: 'language' };
    case 'pause':
      state.paused = true;
      return { state, outputs: [say(t('pause.done'))] };
    case 'resume':
      state.paused = false;
      return { state, outputs: [say(t('resume.done'))] };
    case 'privacy':
      return { state, outputs: [say(t('privacy.more'))] };
    case 'mydata':
      return { state, outputs: myData(state, ctx) };
    case 'forget':
      if (state.step !== 'forget') state.resume = { ...state.resume, forget: state.step };
      return { state, outputs: [], next: 'forget' };
    case 'help':
      return { state, outputs: [helpOutput(state, ctx)] };
    default:
      return null;
  }
}

/** After 👍, what came of it: one tap. */
function outcomeButtons(matchId: string) {
  return rows(OUTCOMES.map((outcome) => button(t(`outcome.${outcome}`), encodeCallback({ type: 'outcome', outcome, matchId }))), 2);
}

const thanks = (state: DialogueState, key: string, effects?: Effect[]): StepOutcome => ({
  state,
  outputs: [toast(t('common.empty')), say(t(key), undefined, 'text')],
  ...(effects ? { effects } : {}),
});

/** A button that works at any step, already decoded; the buttons of a step are not handled here. */
export type GlobalCallback = Exclude<CallbackData, { type: 'step' }>;

/** Tapped anywhere, at any step: ask the matchmaker to call, or answer an introduction or a follow-up. */
export function globalButton(state: DialogueState, data: GlobalCallback): StepOutcome | null {
  switch (data.type) {
    case 'intro':
      return thanks(state, `intro.thanks.${data.answer}`, [{ type: 'introAnswer', matchId: data.matchId, answer: data.answer }]);
    case 'met': {
      const outcome = thanks(state, `followup.thanks.${data.answer}`, [{ type: 'meetAnswer', matchId: data.matchId, answer: data.answer }]);
      if (data.answer !== 'met') return outcome;
      return { ...outcome, outputs: [...outcome.outputs, say(t('followup.outcomeAsk'), outcomeButtons(data.matchId))] };
    }
    case 'outcome':
      return thanks(state, 'followup.outcomeThanks', [{ type: 'outcome', matchId: data.matchId, outcome: data.outcome }]);
    case 'still':
      if (data.choice === 'pause') state.paused = true;
      return data.choice === 'pause' ? thanks(state, 'pause.done') : thanks(state, 'still.kept', [{ type: 'stillInterested' }]);
    case 'retain':
      // "I stay" after the inactivity warning: this turn itself is the activity that keeps the profile.
      return thanks(state, 'retention.kept');
    case 'helpCall':
      state.callRequested = true;
      return { state, outputs: [toast(t('common.empty')), say(t('referral.willCall'))] };
    default:
      // The pre-consent buttons: stale once someone has consented.
      return null;
  }
}

export const languageStep: StepHandler = {
  prompt: (state) => [say(t('language.ask'), languageButtons(state.lang, (l) => stepCallback('language', l)))],
  handle: (state, input) => {
    if (input.type !== 'button') return null;
    const lang = input.action;
    if (!isLang(lang)) return null;
    state.lang = lang;
    const back = state.resume?.language ?? 'done';
    state.resume = undefined;
    return { state, outputs: [toast(t('common.empty')), say(t('language.changed'), undefined, 'text')], next: back };
  },
};

export const forgetStep: StepHandler = {
  prompt: () => [
    say(t('forget.ask'), [[button(t('forget.yes'), stepCallback('forget', 'yes'))], [button(t('forget.no'), stepCallback('forget', 'no'))]]),
  ],
  handle: (state, input) => {
    if (isTap(input, 'yes')) return { state, outputs: [toast(t('common.empty'))], effects: [{ type: 'forget' }] };
    if (isTap(input, 'no')) {
      const back = state.resume?.forget ?? 'done';
      state.resume = undefined;
      return { state, outputs: [toast(t('common.empty')), say(t('forget.kept'), undefined, 'text')], next: back };
    }
    return null;
  },
};

export const doneStep: StepHandler = {
  prompt: () => [say(t('done.menu'))],
  handle: () => null,
};
