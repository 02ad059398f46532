/**
 * `handleTurn(state, input, ctx) → { state, outputs, effects }`: the whole resident dialogue
 * as a pure function. The current step is data in the state; each step is a small handler.
 */
import { createPicker } from './picker.js';
import { preConsent } from './consent.js';
import { doneStep, forgetStep, globalButton, languageStep, runCommand } from './commands.js';
import { createState, followingStep, type StepHandler, type StepInput, type StepOutcome } from './state.js';
import { nameStep, neighbourhoodStep, placeStep, referralStep } from './steps/basics.js';
import { summaryStep } from './steps/summary.js';
import { availabilityStep, languagesStep } from './steps/when-and-languages.js';
import { say, t, toast } from './text.js';
import type { DialogueState, Input, Output, Step, TurnContext, TurnResult } from './types.js';
import type { Lang } from '../taxonomy/categories.js';
import { decodeCallback } from '../protocol/callback-data.js';

const STEPS: Record<Step, StepHandler> = {
  name: nameStep,
  place: placeStep,
  neighbourhood: neighbourhoodStep,
  goesting: createPicker('goesting'),
  skills: createPicker('skills'),
  needs: createPicker('needs'),
  referral: referralStep,
  ambition: createPicker('ambition'),
  availability: availabilityStep,
  languages: languagesStep,
  summary: summaryStep,
  done: doneStep,
  language: languageStep,
  forget: forgetStep,
};

/** The result also says in which language to render the outputs. */
export type RenderedTurn = TurnResult & { readonly lang: Lang };

export function promptFor(state: DialogueState, ctx: TurnContext): Output[] {
  return STEPS[state.step].prompt(state, ctx);
}

function finish(outcome: StepOutcome, ctx: TurnContext): RenderedTurn {
  const { state } = outcome;
  const effects = outcome.effects ?? [];
  if (effects.some((e) => e.type === 'forget')) {
    return { state: null, lang: state.lang, outputs: [...outcome.outputs, say(t('forget.done'))], effects };
  }
  const outputs = [...outcome.outputs];
  if (outcome.next !== undefined) {
    const from = state.step;
    state.step = outcome.next === true ? followingStep(from, state, ctx) : outcome.next;
    if (state.step === 'summary') state.returnToSummary = false;
    state.awaitingText = false;
    outputs.push(...promptFor(state, ctx));
  }
  return { state, lang: state.lang, outputs, effects };
}

function nudge(state: DialogueState, input: Input, ctx: TurnContext): RenderedTurn {
  const outputs: Output[] = [];
  if (input.type === 'button') outputs.push(toast(t('common.stale')));
  else outputs.push(say(t(input.type === 'unsupported' ? 'common.unsupported' : state.step === 'done' ? 'common.empty' : 'common.nudge')));
  outputs.push(...promptFor(state, ctx));
  return { state, lang: state.lang, outputs: outputs.filter((o) => o.text.key !== 'common.empty' || o.type === 'toast'), effects: [] };
}

/**
 * A button is decoded here, once: a global one (introductions, follow-ups, *call me*) works at
 * any step; a step's button goes to its step decoded; one of another step is stale (an old
 * message), and so is anything no button of ours carries or a pre-consent button after consent.
 */
function onButton(state: DialogueState, input: Input & { type: 'button' }, ctx: TurnContext): RenderedTurn {
  const data = decodeCallback(input.data);
  const global = data && data.type !== 'step' ? globalButton(state, data) : null;
  if (global) return finish(global, ctx);
  if (data?.type !== 'step' || data.step !== state.step) return nudge(state, input, ctx);
  const outcome = STEPS[state.step].handle(state, { type: 'button', action: data.action, args: data.args }, ctx);
  return outcome ? finish(outcome, ctx) : nudge(state, input, ctx);
}

export function handleTurn(stored: DialogueState | null, input: Input, ctx: TurnContext): RenderedTurn {
  const state = stored ? structuredClone(stored) : null;
  if (!state) {
    const pre = preConsent(input, ctx);
    if (pre.kind === 'reply') return { state: null, lang: pre.lang, outputs: pre.outputs, effects: [] };
    const created = createState(pre.lang, pre.placeCode, ctx.now);
    const outputs = [toast(t('common.empty')), say(t('consent.thanks'), undefined, 'text')];
    const result = finish({ state: created, outputs, next: 'name' }, ctx);
    return { ...result, effects: [{ type: 'consent', method: 'telegram-button' }] };
  }
  if (input.type === 'command') {
    const outcome = runCommand(state, input, ctx);
    return outcome ? finish(outcome, ctx) : nudge(state, { type: 'text', text: '' }, ctx);
  }
  if (input.type === 'button') return onButton(state, input, ctx);
  const outcome = STEPS[state.step].handle(state, input satisfies StepInput, ctx);
  return outcome ? finish(outcome, ctx) : nudge(state, input, ctx);
}
