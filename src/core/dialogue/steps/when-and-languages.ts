/** Availability (days × parts of the day) and the languages someone speaks: both multi-select. */
import { DAYS, DAY_PARTS, DAY_PART_EMOJI, SLOTS, SPOKEN_LANGUAGES } from '../../taxonomy/categories.js';
import { stepCallback } from '../../protocol/callback-data.js';
import type { StepHandler } from '../state.js';
import { button, rows, say, t, toast, toggleIn } from '../text.js';
import type { Button, DialogueState } from '../types.js';

const mark = (on: boolean) => (on ? '✅ ' : '');

function availabilityKeyboard(state: DialogueState): Button[][] {
  const chosen = new Set(state.draft.availability);
  const grid = DAYS.map((day) =>
    DAY_PARTS.map((part) => {
      const slot = `${day}-${part}`;
      return button(t(`taxonomy:day.${day}`, undefined, `${mark(chosen.has(slot))}${DAY_PART_EMOJI[part]}`), stepCallback('availability', 't', slot));
    }),
  );
  const all = chosen.size === SLOTS.length;
  grid.push([button(t(all ? 'availability.none' : 'availability.any'), stepCallback('availability', 'all'))]);
  grid.push([button(chosen.size > 0 ? t('picker.done', { count: chosen.size }) : t('picker.skip'), stepCallback('availability', 'd'))]);
  return grid;
}

export const availabilityStep: StepHandler = {
  prompt: (state) => [say(t('availability.ask'), availabilityKeyboard(state))],
  handle: (state, input) => {
    if (input.type !== 'button') return null;
    const { action, args: [slot] } = input;
    if (action === 't' && slot && SLOTS.includes(slot)) {
      toggleIn(state.draft.availability, slot);
      return { state, outputs: [toast(t('common.empty')), say(t('availability.ask'), availabilityKeyboard(state), 'markup')] };
    }
    if (action === 'all') {
      state.draft.availability = state.draft.availability.length === SLOTS.length ? [] : [...SLOTS];
      return { state, outputs: [toast(t('common.empty')), say(t('availability.ask'), availabilityKeyboard(state), 'markup')] };
    }
    if (action === 'd') return { state, outputs: [toast(t('common.empty'))], next: true };
    return null;
  },
};

function languagesKeyboard(state: DialogueState): Button[][] {
  const chosen = new Set(state.draft.spoken);
  const options = SPOKEN_LANGUAGES.map((code) =>
    button(t(`taxonomy:langName.${code}`, undefined, mark(chosen.has(code)).trim() || undefined), stepCallback('languages', 't', code)),
  );
  const out = rows(options, 3);
  out.push([button(t('picker.done', { count: chosen.size }), stepCallback('languages', 'd'))]);
  return out;
}

export const languagesStep: StepHandler = {
  prompt: (state) => [say(t('languages.ask'), languagesKeyboard(state))],
  handle: (state, input) => {
    if (input.type !== 'button') return null;
    const { action, args: [code] } = input;
    if (action === 't' && code && (SPOKEN_LANGUAGES as readonly string[]).includes(code)) {
      toggleIn(state.draft.spoken, code);
      return { state, outputs: [toast(t('common.empty')), say(t('languages.ask'), languagesKeyboard(state), 'markup')] };
    }
    if (action === 'd') {
      if (state.draft.spoken.length === 0) return { state, outputs: [toast(t('languages.atLeastOne'))] };
      return { state, outputs: [toast(t('common.empty'))], next: true };
    }
    return null;
  },
};
