/** The commands that are always available once someone has consented. */
import type { StepHandler, StepOutcome } from './state.js';
import { placeOf } from './state.js';
import { languageButtons } from './consent.js';
import { profileText } from './steps/summary.js';
import { button, raw, rows, say, t, toast } from './text.js';
import type { DialogueState, Input, TurnContext } from './types.js';
import { isLang } from '../taxonomy/categories.js';
import { OUTCOMES } from '../protocol/callback-data.js';

export { OUTCOMES };

export const COMMANDS = ['start', 'profile', 'language', 'pause', 'resume', 'privacy', 'mydata', 'forget', 'help'] as const;

export function helpOutput(state: DialogueState | null, ctx: TurnContext) {
  const place = state ? placeOf(state, ctx) : undefined;
  const text = place
    ? t('help.place', { place: raw(place.name), contact: raw(place.contact ?? '—') })
    : t('help.general');
  return say(text, state ? [[button(t('help.call'), 'help:call')]] : undefined);
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
      if (state.step !== 'language') state.resumeStep = state.step;
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
      if (state.step !== 'forget') state.resumeStep = state.step;
      return { state, outputs: [], next: 'forget' };
    case 'help':
      return { state, outputs: [helpOutput(state, ctx)] };
    default:
      return null;
  }
}

const ANSWERS = { y: 'yes', n: 'no', l: 'later' } as const;
const MET = { y: 'met', w: 'notYet', n: 'no' } as const;

/** After 👍, what came of it: one tap. */
function outcomeButtons(matchId: string) {
  return rows(OUTCOMES.map((o) => button(t(`outcome.${o}`), `outcome:${o}:${matchId}`)), 2);
}

function followUp(state: DialogueState, kind: string, code: string, matchId: string): StepOutcome | null {
  if (kind === 'met' && code in MET) {
    const answer = MET[code as keyof typeof MET];
    const next = answer === 'met' ? [say(t('followup.outcomeAsk'), outcomeButtons(matchId))] : [];
    return { state, outputs: [toast(t('common.empty')), say(t(`followup.thanks.${answer}`), undefined, 'text'), ...next], effects: [{ type: 'meetAnswer', matchId, answer }] };
  }
  if (kind === 'outcome' && (OUTCOMES as readonly string[]).includes(code)) {
    return { state, outputs: [toast(t('common.empty')), say(t('followup.outcomeThanks'), undefined, 'text')], effects: [{ type: 'outcome', matchId, outcome: code }] };
  }
  if (kind === 'still') {
    if (code === 'p') state.paused = true;
    return {
      state,
      outputs: [toast(t('common.empty')), say(t(code === 'p' ? 'pause.done' : 'still.kept'), undefined, 'text')],
      ...(code === 'y' ? { effects: [{ type: 'stillInterested' as const }] } : {}),
    };
  }
  return null;
}
const UUID = /^[0-9a-f-]{36}$/i;

/** Tapped anywhere, at any step: ask the matchmaker to call, or answer an introduction. */
export function globalButton(state: DialogueState, data: string): StepOutcome | null {
  const [kind, code, matchId] = data.split(':');
  if (kind && code && matchId !== undefined && (kind === 'met' || kind === 'outcome' || kind === 'still') && (kind === 'still' || UUID.test(matchId))) {
    return followUp(state, kind, code, matchId);
  }
  if (kind === 'retain' && code === 'y') {
    // "I stay" after the inactivity warning: this turn itself is the activity that keeps the profile.
    return { state, outputs: [toast(t('common.empty')), say(t('retention.kept'), undefined, 'text')] };
  }
  if (kind === 'intro' && code && code in ANSWERS && matchId && UUID.test(matchId)) {
    const answer = ANSWERS[code as keyof typeof ANSWERS];
    return {
      state,
      outputs: [toast(t('common.empty')), say(t(`intro.thanks.${answer}`), undefined, 'text')],
      effects: [{ type: 'introAnswer', matchId, answer }],
    };
  }
  if (data !== 'help:call') return null;
  state.callRequested = true;
  return { state, outputs: [toast(t('common.empty')), say(t('referral.willCall'))] };
}

export const languageStep: StepHandler = {
  prompt: (state) => [say(t('language.ask'), languageButtons(state.lang, (l) => `language:${l}`))],
  handle: (state, input) => {
    if (input.type !== 'button') return null;
    const lang = input.data.split(':')[1];
    if (!isLang(lang)) return null;
    state.lang = lang;
    const back = state.resumeStep ?? 'done';
    state.resumeStep = undefined;
    return { state, outputs: [toast(t('common.empty')), say(t('language.changed'), undefined, 'text')], next: back };
  },
};

export const forgetStep: StepHandler = {
  prompt: () => [
    say(t('forget.ask'), [[button(t('forget.yes'), 'forget:yes')], [button(t('forget.no'), 'forget:no')]]),
  ],
  handle: (state, input) => {
    if (input.type !== 'button') return null;
    if (input.data === 'forget:yes') return { state, outputs: [toast(t('common.empty'))], effects: [{ type: 'forget' }] };
    if (input.data === 'forget:no') {
      const back = state.resumeStep ?? 'done';
      state.resumeStep = undefined;
      return { state, outputs: [toast(t('common.empty')), say(t('forget.kept'), undefined, 'text')], next: back };
    }
    return null;
  },
};

export const doneStep: StepHandler = {
  prompt: () => [say(t('done.menu'))],
  handle: () => null,
};
