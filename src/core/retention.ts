/**
 * Keeping data no longer than needed, as rules: when someone is warned, when a warned person is
 * erased, which typed words and voice notes go, and the warning itself. Activity = the last
 * change of the profile or the dialogue (any tap or message) — so "I stay" is just a turn.
 */
import type { Button, DialogueState, Text } from './dialogue/types.js';
import { PICKER_STEPS } from './dialogue/types.js';
import { encodeCallback } from './protocol/callback-data.js';

export interface RetentionPolicy {
  /** Months without activity before the warning; 0 = never. */
  readonly inactiveMonths: number;
  /** Days from the warning to erasure. */
  readonly warningDays: number;
  /** Days after which voice notes and free text are dropped; 0 = never. */
  readonly freeTextDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { inactiveMonths: 12, warningDays: 30, freeTextDays: 180 };

const DAY = 86_400_000;

export interface RetentionCutoffs {
  /** Typed words and voice notes older than this go; `null`: kept. */
  readonly freeTextBefore: Date | null;
  /** Silent since before this: warned; `null`: nobody is warned or erased. */
  readonly inactiveBefore: Date | null;
  /** Warned at or before this and silent since: erased. */
  readonly eraseWarnedBefore: Date;
}

export function cutoffs(now: Date, policy: RetentionPolicy): RetentionCutoffs {
  const inactiveBefore = new Date(now);
  inactiveBefore.setMonth(inactiveBefore.getMonth() - policy.inactiveMonths);
  return {
    freeTextBefore: policy.freeTextDays > 0 ? new Date(now.getTime() - policy.freeTextDays * DAY) : null,
    inactiveBefore: policy.inactiveMonths > 0 ? inactiveBefore : null,
    eraseWarnedBefore: new Date(now.getTime() - policy.warningDays * DAY),
  };
}

/** "We have not heard from you…" with the one button that keeps the profile. */
export function retentionWarning(policy: RetentionPolicy): { text: Text; buttons: Button[][] } {
  return {
    text: { key: 'retention.warning', params: { days: policy.warningDays } },
    buttons: [[{ text: { key: 'retention.keep' }, data: encodeCallback({ type: 'retain' }) }]],
  };
}

/** One warning per person and day, however often the job runs. */
export const warningKey = (participantId: string, now: Date) => `retention:${participantId}:${now.toISOString().slice(0, 10)}`;

/** The dialogue keeps the draft of the last intake: its typed words and voice notes go. */
export function withoutFreeText(state: DialogueState): DialogueState {
  const draft = { ...state.draft };
  for (const part of PICKER_STEPS) draft[part] = { ...draft[part], texts: [], voices: [] };
  return { ...state, draft };
}
