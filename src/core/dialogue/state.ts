/** Creating the state at consent, and the order of the intake steps. */
import type { Lang } from '../taxonomy/categories.js';
import type { DialogueState, Effect, Input, IntakeStep, Output, Step, TurnContext } from './types.js';
import { INTAKE_STEPS } from './types.js';

const emptySelection = () => ({ categories: [], texts: [], voices: [] });

export function createState(lang: Lang, placeCode: string | undefined, now: Date): DialogueState {
  return {
    v: 2,
    step: 'name',
    lang,
    status: 'intake',
    paused: false,
    callRequested: false,
    consentedAt: now.toISOString(),
    draft: {
      placeCode,
      goesting: emptySelection(),
      skills: emptySelection(),
      needs: emptySelection(),
      ambition: emptySelection(),
      flags: [],
      availability: [],
      spoken: [lang],
    },
    page: 0,
    awaitingText: false,
    returnToSummary: false,
    referredFlags: [],
  };
}

/** What a step handler decided; the engine moves on and asks the next question. */
export interface StepOutcome {
  readonly state: DialogueState;
  readonly outputs: Output[];
  readonly effects?: Effect[];
  /** `true`: the following step; a step name: go there. */
  readonly next?: true | Step;
}

/** A tapped button of the current step, decoded once by the engine: `skills:t:cooking` → `t`, `['cooking']`. */
export interface StepButton {
  readonly type: 'button';
  readonly action: string;
  readonly args: readonly string[];
}

/** What a step handler reads: typed input as it came, a button already decoded. */
export type StepInput = Exclude<Input, { type: 'button' }> | StepButton;

/** The button `step:action` exactly, nothing after it (`name:y`, `forget:no`). */
export const isTap = (input: StepInput, action: string): boolean => input.type === 'button' && input.action === action && input.args.length === 0;

export interface StepHandler {
  prompt(state: DialogueState, ctx: TurnContext): Output[];
  /** `null` means the input does not fit this step: the engine nudges and asks again. */
  handle(state: DialogueState, input: StepInput, ctx: TurnContext): StepOutcome | null;
}

function hasNewFlags(state: DialogueState): boolean {
  return state.draft.flags.some((f) => !state.referredFlags.includes(f));
}

function skip(step: IntakeStep, state: DialogueState, ctx: TurnContext): boolean {
  if (step === 'place') return ctx.places.length === 0;
  if (step === 'referral') return !hasNewFlags(state);
  return false;
}

/** The step after `from`, skipping what does not apply; back to the summary after a change. */
export function followingStep(from: Step, state: DialogueState, ctx: TurnContext): Step {
  if (from === 'needs' && hasNewFlags(state)) return 'referral';
  if (state.returnToSummary) return 'summary';
  const index = INTAKE_STEPS.indexOf(from as IntakeStep);
  for (let i = index + 1; i < INTAKE_STEPS.length; i++) {
    const step = INTAKE_STEPS[i]!;
    if (!skip(step, state, ctx)) return step;
  }
  return 'summary';
}

export function placeOf(state: DialogueState, ctx: TurnContext) {
  return ctx.places.find((p) => p.code === state.draft.placeCode);
}
