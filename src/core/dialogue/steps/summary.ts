/** The summary in the resident's language, with *Confirm* and *Change part X*. */
import { AMBITION_EMOJI, CATEGORY_BY_ID, DAY_PART_EMOJI, SENSITIVE_EMOJI, type Ambition } from '../../taxonomy/categories.js';
import { stepCallback } from '../../protocol/callback-data.js';
import type { StepHandler } from '../state.js';
import { placeOf } from '../state.js';
import { button, raw, rows, say, t, toast } from '../text.js';
import type { DialogueState, Selection, Step, Text, TurnContext } from '../types.js';

const catText = (id: string) => t(`taxonomy:cat.${id}`, undefined, CATEGORY_BY_ID.get(id)?.emoji);

function selectionTexts(selection: Selection, label: (id: string) => Text): Text[] {
  const out = selection.categories.map(label);
  for (const text of selection.texts) out.push(t('summary.quote', { text: raw(text) }));
  if (selection.voices.length > 0) out.push(t('summary.voices', { count: selection.voices.length }, '🎤'));
  return out;
}

function availabilityTexts(slots: readonly string[]): Text[] {
  return slots.map((slot) => {
    const [day, part] = slot.split('-') as [string, keyof typeof DAY_PART_EMOJI];
    return t(`taxonomy:day.${day}`, undefined, DAY_PART_EMOJI[part]);
  });
}

/** Everything the resident told, as one text; reused by /profile and /mydata. */
export function profileText(state: DialogueState, ctx: TurnContext): Text {
  const d = state.draft;
  const place = placeOf(state, ctx);
  return t('summary.text', {
    name: raw(d.name ?? '—'),
    place: raw(place ? place.name : '—'),
    neighbourhood: raw(d.neighbourhood ?? '—'),
    goesting: selectionTexts(d.goesting, catText),
    skills: selectionTexts(d.skills, catText),
    needs: [
      ...d.flags.map((f) => t(`taxonomy:sensitive.${f}`, undefined, SENSITIVE_EMOJI[f])),
      ...selectionTexts(d.needs, catText),
    ],
    ambition: selectionTexts(d.ambition, (id) => t(`taxonomy:ambition.${id}`, undefined, AMBITION_EMOJI[id as Ambition])),
    availability: availabilityTexts(d.availability),
    languages: d.spoken.map((code) => t(`taxonomy:langName.${code}`)),
  });
}

const CHANGEABLE: readonly Step[] = ['name', 'place', 'goesting', 'skills', 'needs', 'ambition', 'availability', 'languages'];

export const summaryStep: StepHandler = {
  prompt: (state, ctx) => {
    const change = CHANGEABLE.filter((s) => s !== 'place' || ctx.places.length > 0).map((s) =>
      button(t(`summary.change.${s}`, undefined, '✏️'), stepCallback('summary', 'c', s)),
    );
    return [
      say(profileText(state, ctx)),
      say(t('summary.ask'), [[button(t('summary.confirm'), stepCallback('summary', 'ok'))], ...rows(change, 2)]),
    ];
  },
  handle: (state, input, ctx) => {
    if (input.type !== 'button') return null;
    const { action, args: [part] } = input;
    if (action === 'ok') {
      state.status = 'active';
      state.confirmedAt = new Date(ctx.now).toISOString();
      state.returnToSummary = false;
      const place = placeOf(state, ctx);
      const saved = t('summary.saved', { place: raw(place?.name ?? 'Stuyfplek') });
      return { state, outputs: [toast(t('common.empty')), say(saved)], effects: [{ type: 'confirmProfile' }], next: 'done' };
    }
    if (action === 'c' && part && CHANGEABLE.includes(part as Step)) {
      state.returnToSummary = true;
      return { state, outputs: [toast(t('common.empty'))], next: part as Step };
    }
    return null;
  },
};
