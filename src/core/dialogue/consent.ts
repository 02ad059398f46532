/**
 * Before consent nothing is stored: the chosen language and place travel in the button data,
 * and the state is created only when the resident taps *Yes*.
 */
import { langFromLocale, UI_LANGUAGES, type Lang } from '../taxonomy/categories.js';
import { decodeCallback, encodeCallback, type ConsentAnswer } from '../protocol/callback-data.js';
import { button, rows, say, t, toast } from './text.js';
import type { Button, Input, Output, TurnContext } from './types.js';

export function hintLanguage(ctx: TurnContext): Lang {
  return langFromLocale(ctx.languageHint);
}

/** Language buttons, each in its own name; the phone's language first and marked. */
export function languageButtons(preselected: Lang, data: (lang: Lang) => string): Button[][] {
  const ordered = [preselected, ...UI_LANGUAGES.filter((l) => l !== preselected)];
  return rows(
    ordered.map((l) => button(t(`taxonomy:langName.${l}`, undefined, l === preselected ? '✅' : undefined), data(l))),
    2,
  );
}

function knownPlace(code: string | undefined, ctx: TurnContext): string | undefined {
  const normalized = code?.trim().toLowerCase();
  return ctx.places.some((p) => p.code === normalized) ? normalized : undefined;
}

export function welcome(ctx: TurnContext, payload: string | undefined): { lang: Lang; outputs: Output[] } {
  const lang = hintLanguage(ctx);
  const place = knownPlace(payload, ctx) ?? '';
  return {
    lang,
    outputs: [say(t('start.welcome')), say(t('language.ask'), languageButtons(lang, (l) => encodeCallback({ type: 'welcomeLanguage', lang: l, place })))],
  };
}

function consentButtons(lang: Lang, place: string): Button[][] {
  const data = (answer: ConsentAnswer) => encodeCallback({ type: 'consent', answer, lang, place });
  return [[button(t('consent.yes'), data('yes'))], [button(t('consent.more'), data('more')), button(t('consent.no'), data('no'))]];
}

const PRE_CONSENT_ANSWERS: Record<string, string> = {
  privacy: 'privacy.more',
  mydata: 'mydata.nothing',
  forget: 'forget.nothing',
  help: 'help.general',
  profile: 'mydata.nothing',
  pause: 'mydata.nothing',
  resume: 'mydata.nothing',
};

export type PreConsent =
  | { readonly kind: 'reply'; readonly lang: Lang; readonly outputs: Output[] }
  | { readonly kind: 'consented'; readonly lang: Lang; readonly placeCode: string | undefined };

/** The welcome's language, then the consent question; any other button is stale before consent. */
function preConsentButton(raw: string, ctx: TurnContext): PreConsent {
  const data = decodeCallback(raw);
  if (data?.type === 'welcomeLanguage') {
    const place = knownPlace(data.place, ctx) ?? '';
    return { kind: 'reply', lang: data.lang, outputs: [toast(t('common.empty')), say(t('consent.ask'), consentButtons(data.lang, place))] };
  }
  if (data?.type === 'consent') {
    const { lang, answer } = data;
    const place = knownPlace(data.place, ctx);
    if (answer === 'yes') return { kind: 'consented', lang, placeCode: place };
    if (answer === 'no') return { kind: 'reply', lang, outputs: [toast(t('common.empty')), say(t('consent.declined'))] };
    return { kind: 'reply', lang, outputs: [toast(t('common.empty')), say(t('privacy.more')), say(t('consent.ask'), consentButtons(lang, place ?? ''))] };
  }
  const w = welcome(ctx, undefined);
  return { kind: 'reply', lang: w.lang, outputs: [toast(t('common.stale')), ...w.outputs.slice(1)] };
}

/** Handles every input of someone who has not (yet) consented. */
export function preConsent(input: Input, ctx: TurnContext): PreConsent {
  if (input.type === 'button') return preConsentButton(input.data, ctx);
  if (input.type === 'command' && input.command !== 'start' && input.command !== 'language') {
    const lang = hintLanguage(ctx);
    const key = PRE_CONSENT_ANSWERS[input.command] ?? 'common.nudge';
    return { kind: 'reply', lang, outputs: [say(t(key)), ...welcome(ctx, undefined).outputs.slice(1)] };
  }
  const w = welcome(ctx, input.type === 'command' ? input.payload : undefined);
  return { kind: 'reply', lang: w.lang, outputs: w.outputs };
}
