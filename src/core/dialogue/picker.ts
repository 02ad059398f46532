/**
 * The multi-select category picker used for goesting, skills, needs and ambition: category
 * buttons a domain per page, toggled and paged in place; *own words* (typed, matched to
 * categories and confirmed) and voice notes (kept for the matchmaker).
 */
import {
  AMBITIONS,
  AMBITION_EMOJI,
  DOMAINS,
  SENSITIVE_EMOJI,
  SENSITIVE_FLAGS,
  categoriesOf,
  CATEGORY_BY_ID,
  type SensitiveFlag,
} from '../taxonomy/categories.js';
import { keepsWordsAt, readOwnWords } from '../taxonomy/own-words.js';
import { stepCallback } from '../protocol/callback-data.js';
import type { StepButton, StepHandler, StepInput, StepOutcome } from './state.js';
import { button, cleanText, MAX_FREE_TEXT, raw, rows, say, t, toast, toggleIn } from './text.js';
import type { Button, DialogueState, Output, PickerStep, Selection, Text } from './types.js';

interface Option {
  readonly id: string;
  readonly emoji: string;
  readonly label: string;
  readonly flag?: boolean;
}
interface Page {
  readonly title: Text;
  readonly options: readonly Option[];
}

const domainPages: Page[] = DOMAINS.map((d) => ({
  title: t(`taxonomy:domain.${d}`),
  options: categoriesOf(d).map((c) => ({ id: c.id, emoji: c.emoji, label: `taxonomy:cat.${c.id}` })),
}));
const sensitivePage: Page = {
  title: t('picker.personalPage'),
  options: SENSITIVE_FLAGS.map((f) => ({ id: f, emoji: SENSITIVE_EMOJI[f], label: `taxonomy:sensitive.${f}`, flag: true })),
};
const ambitionPage: Page = {
  title: t('picker.ambitionPage'),
  options: AMBITIONS.map((a) => ({ id: a, emoji: AMBITION_EMOJI[a], label: `taxonomy:ambition.${a}` })),
};

export function pagesFor(step: PickerStep): readonly Page[] {
  if (step === 'ambition') return [ambitionPage];
  if (step === 'needs') return [sensitivePage, ...domainPages];
  return domainPages;
}

const MAX_VOICES = 5;
const MAX_TEXTS = 5;

function selectionOf(state: DialogueState, step: PickerStep): Selection {
  return state.draft[step];
}

function isSelected(state: DialogueState, step: PickerStep, option: Option): boolean {
  return option.flag
    ? state.draft.flags.includes(option.id as SensitiveFlag)
    : selectionOf(state, step).categories.includes(option.id);
}

function selectedCount(state: DialogueState, step: PickerStep): number {
  const s = selectionOf(state, step);
  const flags = step === 'needs' ? state.draft.flags.length : 0;
  return s.categories.length + flags + s.texts.length + s.voices.length;
}

function keyboard(state: DialogueState, step: PickerStep): Button[][] {
  const pages = pagesFor(step);
  const page = pages[Math.min(state.page, pages.length - 1)]!;
  const options = page.options.map((o) =>
    button(t(o.label, undefined, `${isSelected(state, step, o) ? '✅ ' : ''}${o.emoji}`), stepCallback(step, 't', o.id)),
  );
  const out = rows(options, 2);
  if (pages.length > 1) {
    out.push([
      button(t('picker.prev'), stepCallback(step, 'p', String((state.page + pages.length - 1) % pages.length))),
      button(t('picker.pageOf', { title: page.title, page: state.page + 1, pages: pages.length }), stepCallback(step, 'p', String(state.page))),
      button(t('picker.next'), stepCallback(step, 'p', String((state.page + 1) % pages.length))),
    ]);
  }
  out.push([button(t('picker.ownWords'), stepCallback(step, 'w'))]);
  const count = selectedCount(state, step);
  out.push([button(count > 0 ? t('picker.done', { count }) : t('picker.skip'), stepCallback(step, 'd'))]);
  return out;
}

function question(step: PickerStep): Text {
  return t(`${step}.ask`);
}

function show(state: DialogueState, step: PickerStep, edit?: 'markup'): Output {
  return say(question(step), keyboard(state, step), edit);
}

function toggle(state: DialogueState, step: PickerStep, id: string): StepOutcome | null {
  const option = pagesFor(step).flatMap((p) => p.options).find((o) => o.id === id);
  if (!option) return null;
  const on = toggleIn(option.flag ? state.draft.flags : selectionOf(state, step).categories, id);
  return { state, outputs: [toast(t(option.label, undefined, `${on ? '✅' : '➖'} ${option.emoji}`)), show(state, step, 'markup')] };
}

/** The label of a category (or, at the ambition question, an ambition) with its emoji. */
function optionText(step: PickerStep, id: string): Text {
  const option = pagesFor(step).flatMap((p) => p.options).find((o) => o.id === id);
  return option ? t(option.label, undefined, option.emoji) : t(`taxonomy:cat.${id}`, undefined, CATEGORY_BY_ID.get(id)?.emoji);
}

/** `keepsWords`: the last button says "No, keep my words" (words not kept yet, and keepable here). */
function suggestionButtons(step: PickerStep, ids: readonly string[], keepsWords: boolean): Button[][] {
  const out = ids.map((id) => [button(optionText(step, id), stepCallback(step, 's', id))]);
  out.push([button(t(keepsWords ? 'picker.noneOfThese' : 'picker.noneFits'), stepCallback(step, 's', '-'))]);
  return out;
}

function freeText(state: DialogueState, step: PickerStep, input: string): StepOutcome {
  const text = cleanText(input);
  if (text.length > MAX_FREE_TEXT) {
    return { state, outputs: [say(t('picker.tooLong', { max: MAX_FREE_TEXT }))] };
  }
  state.awaitingText = false;
  const selection = selectionOf(state, step);
  // Fail safe, at every question: a sensitive topic is kept as a flag and the words never are;
  // the ordinary things said in the same words can still be chosen.
  // At most three suggestions, best first, read in the resident's own language.
  const read = readOwnWords(text, { part: step, lang: state.lang, limit: 3 });
  for (const f of read.flags) if (!state.draft.flags.includes(f)) state.draft.flags.push(f);
  const noted = read.flags.length > 0 ? [say(t('picker.sensitiveNoted'))] : [];
  const found: readonly string[] = step === 'ambition' ? read.ambitions : read.categories;
  const suggestions = found.filter((id) => !selection.categories.includes(id));
  if (suggestions.length === 0) {
    if (read.flags.length > 0) return { state, outputs: [...noted, show(state, step)] };
    if (!read.keepWords) return { state, outputs: [say(t('picker.notKept')), show(state, step)] };
    keepText(selection, text);
    return { state, outputs: [say(t('picker.notUnderstood', { text: raw(text) })), show(state, step)] };
  }
  state.pending = { ...(read.keepWords ? { text } : {}), suggestions, ...(read.flags.length > 0 ? { understood: true } : {}) };
  const key = suggestions.length === 1 ? 'picker.didYouMeanOne' : 'picker.didYouMean';
  const first = suggestions[0]!;
  const params = { category: optionText(step, first) };
  return { state, outputs: [...noted, say(t(key, params), suggestionButtons(step, suggestions, read.keepWords))] };
}

function keepText(selection: Selection, text: string): void {
  if (selection.texts.length >= MAX_TEXTS) selection.texts.shift();
  selection.texts.push(text);
}

function chooseSuggestion(state: DialogueState, step: PickerStep, id: string): StepOutcome | null {
  const pending = state.pending;
  if (!pending || (id !== '-' && !pending.suggestions.includes(id))) return null;
  const selection = selectionOf(state, step);
  state.pending = undefined;
  if (id === '-' && !pending.understood && !keepsWordsAt(step)) {
    // None of the guesses was right, at the needs question, where words are not kept: say so.
    return { state, outputs: [say(t('picker.notKept'), undefined, 'text'), show(state, step)] };
  }
  if (pending.text) keepText(selection, pending.text);
  if (id === '-' && !pending.text) return { state, outputs: [toast(t('common.empty')), say(question(step), keyboard(state, step), 'text')] };
  if (id === '-') return { state, outputs: [say(t('picker.textKept', { text: raw(pending.text ?? '') }), undefined, 'text'), show(state, step)] };
  if (!selection.categories.includes(id)) selection.categories.push(id);
  const added = say(t('picker.added', { category: optionText(step, id) }), undefined, 'text');
  // Someone who said several things ("koken en naaien") can take the other suggestions too.
  const others = pending.suggestions.filter((s) => s !== id && !selection.categories.includes(s));
  if (others.length > 0) {
    state.pending = { suggestions: others, understood: true };
    return { state, outputs: [added, say(t('picker.alsoThese'), suggestionButtons(step, others, false))] };
  }
  return { state, outputs: [added, show(state, step)] };
}

/** A voice note is kept for the matchmaker; its caption, if any, is read like typed words (fail safe). */
function voice(state: DialogueState, step: PickerStep, fileId: string, caption: string | undefined): StepOutcome {
  const selection = selectionOf(state, step);
  if (selection.voices.length >= MAX_VOICES) selection.voices.shift();
  selection.voices.push(fileId);
  state.awaitingText = false;
  const kept = say(t('picker.voiceKept'));
  if (!caption || cleanText(caption) === '') return { state, outputs: [kept, show(state, step)] };
  const read = freeText(state, step, caption);
  return { state: read.state, outputs: [kept, ...read.outputs] };
}

function onButton(state: DialogueState, step: PickerStep, { action, args: [arg] }: StepButton): StepOutcome | null {
  switch (action) {
    case 't':
      return arg ? toggle(state, step, arg) : null;
    case 'p': {
      const page = Number(arg);
      if (!Number.isInteger(page) || page < 0 || page >= pagesFor(step).length) return null;
      state.page = page;
      return { state, outputs: [toast(t('common.empty')), show(state, step, 'markup')] };
    }
    case 'w':
      state.awaitingText = true;
      // At the needs question typed words are not kept (only the topic): say so before they type.
      return { state, outputs: [toast(t('common.empty')), say(t(keepsWordsAt(step) ? 'picker.ownWordsHint' : 'picker.ownWordsHintNeeds'))] };
    case 's':
      return arg ? chooseSuggestion(state, step, arg) : null;
    case 'd':
      state.pending = undefined;
      state.awaitingText = false;
      return { state, outputs: [toast(t('common.empty'))], next: true };
    default:
      return null;
  }
}

/** One picker per step: the same behaviour for goesting, skills, needs and ambition. */
export function createPicker(step: PickerStep): StepHandler {
  return {
    prompt: (state) => {
      state.page = 0;
      return [show(state, step)];
    },
    handle: (state, input: StepInput) => {
      if (input.type === 'button') return onButton(state, step, input);
      if (input.type === 'text') return freeText(state, step, input.text);
      if (input.type === 'voice') return voice(state, step, input.fileId, input.caption);
      return null;
    },
  };
}
