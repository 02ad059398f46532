/** Name, place and neighbourhood: who the resident is and which Stuyfplek they belong to. */
import { stepCallback } from '../../protocol/callback-data.js';
import type { StepHandler } from '../state.js';
import { isTap, placeOf } from '../state.js';
import { button, cleanText, MAX_NAME, raw, rows, say, t, toast } from '../text.js';
import type { DialogueState, TurnContext } from '../types.js';

const HAS_LETTER = /\p{L}/u;

function validName(input: string): string | undefined {
  const name = cleanText(input);
  return name.length >= 1 && name.length <= MAX_NAME && HAS_LETTER.test(name) ? name : undefined;
}

export const nameStep: StepHandler = {
  prompt: (state, ctx) => {
    const suggested = ctx.profileName ? validName(ctx.profileName) : undefined;
    const current = state.draft.name ?? suggested;
    if (!current || state.awaitingText) return [say(t('name.ask'))];
    return [
      say(t('name.confirm', { name: raw(current) }), [
        [button(t('common.yes'), stepCallback('name', 'y')), button(t('name.other'), stepCallback('name', 'o'))],
      ]),
    ];
  },
  handle: (state, input, ctx) => {
    if (input.type === 'button') {
      if (isTap(input, 'y')) {
        const name = state.draft.name ?? (ctx.profileName ? validName(ctx.profileName) : undefined);
        if (!name) return null;
        state.draft.name = name;
        return { state, outputs: [toast(t('common.empty'))], next: true };
      }
      if (isTap(input, 'o')) {
        state.awaitingText = true;
        return { state, outputs: [toast(t('common.empty')), say(t('name.ask'))] };
      }
      return null;
    }
    if (input.type !== 'text') return null;
    const name = validName(input.text);
    if (!name) return { state, outputs: [say(t('name.invalid', { max: MAX_NAME }))] };
    state.draft.name = name;
    state.awaitingText = false;
    return { state, outputs: [], next: true };
  },
};

function placeList(ctx: TurnContext) {
  return rows(ctx.places.map((p) => button(t('place.button', { name: raw(p.name) }, '📍'), stepCallback('place', 's', p.code))), 1);
}

export const placeStep: StepHandler = {
  prompt: (state, ctx) => {
    const place = placeOf(state, ctx);
    if (place && !state.awaitingText) {
      return [
        say(t('place.confirm', { place: raw(place.name) }), [
          [button(t('common.yes'), stepCallback('place', 'y')), button(t('place.other'), stepCallback('place', 'o'))],
        ]),
      ];
    }
    return [say(t('place.ask'), placeList(ctx))];
  },
  handle: (state, input, ctx) => {
    if (input.type !== 'button') return null;
    const { action, args: [code] } = input;
    if (action === 'y' && placeOf(state, ctx)) {
      state.awaitingText = false;
      return { state, outputs: [toast(t('common.empty'))], next: true };
    }
    if (action === 'o') {
      state.awaitingText = true;
      return { state, outputs: [toast(t('common.empty')), say(t('place.ask'), placeList(ctx))] };
    }
    if (action === 's' && ctx.places.some((p) => p.code === code)) {
      state.draft.placeCode = code;
      state.awaitingText = false;
      return { state, outputs: [toast(t('common.empty'))], next: true };
    }
    return null;
  },
};

const MAX_NEIGHBOURHOOD = 60;

export const neighbourhoodStep: StepHandler = {
  prompt: () => [say(t('neighbourhood.ask'), [[button(t('common.skip'), stepCallback('neighbourhood', 'skip'))]])],
  handle: (state, input) => {
    if (isTap(input, 'skip')) {
      return { state, outputs: [toast(t('common.empty'))], next: true };
    }
    if (input.type !== 'text') return null;
    const text = cleanText(input.text);
    if (!text || text.length > MAX_NEIGHBOURHOOD) {
      return { state, outputs: [say(t('neighbourhood.invalid', { max: MAX_NEIGHBOURHOOD }))] };
    }
    state.draft.neighbourhood = text;
    return { state, outputs: [], next: true };
  },
};

/** The first-line services of the resident's place for what they flagged: a warm referral. */
export function referralText(state: DialogueState, ctx: TurnContext) {
  const place = placeOf(state, ctx);
  const flags = state.draft.flags;
  const services = (place?.services ?? []).filter((s) => s.topics.some((topic) => flags.includes(topic as never)));
  const lines = services.map((s) =>
    t('referral.service', { name: raw(s.name), phone: raw(s.phone ?? '—'), address: raw(s.address ?? '') }),
  );
  return lines.length > 0 ? t('referral.intro', { services: lines }) : t('referral.noServices');
}

export const referralStep: StepHandler = {
  prompt: (state, ctx) => [
    say(referralText(state, ctx), [
      [button(t('referral.call'), stepCallback('referral', 'call'))],
      [button(t('referral.noThanks'), stepCallback('referral', 'no'))],
    ]),
  ],
  handle: (state, input) => {
    const call = isTap(input, 'call');
    if (!call && !isTap(input, 'no')) return null;
    state.referredFlags = [...state.draft.flags];
    if (call) {
      state.callRequested = true;
      return { state, outputs: [toast(t('common.empty')), say(t('referral.willCall'))], next: true };
    }
    return { state, outputs: [toast(t('common.empty'))], next: true };
  },
};
