/**
 * Before consent nothing is stored: the chosen language and place travel in the button data,
 * and the state is created only when the resident taps *Yes*.
 */
import { isLang, langFromLocale, UI_LANGUAGES, type Lang } from '../taxonomy/categories.js';
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
    outputs: [say(t('start.welcome')), say(t('language.ask'), languageButtons(lang, (l) => `lang:${l}:${place}`))],
  };
}

function consentButtons(lang: Lang, place: string): Button[][] {
  return [
    [button(t('consent.yes'), `cons:y:${lang}:${place}`)],
    [button(t('consent.more'), `cons:m:${lang}:${place}`), button(t('consent.no'), `cons:n:${lang}:${place}`)],
  ];
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

/** Handles every input of someone who has not (yet) consented. */
export function preConsent(input: Input, ctx: TurnContext): PreConsent {
  if (input.type === 'button') {
    const [kind, a, b, c] = input.data.split(':');
    if (kind === 'lang' && isLang(a)) {
      const place = knownPlace(b, ctx) ?? '';
      return { kind: 'reply', lang: a, outputs: [toast(t('common.empty')), say(t('consent.ask'), consentButtons(a, place))] };
    }
    if (kind === 'cons' && isLang(b)) {
      const place = knownPlace(c, ctx);
      if (a === 'y') return { kind: 'consented', lang: b, placeCode: place };
      if (a === 'm') {
        return { kind: 'reply', lang: b, outputs: [toast(t('common.empty')), say(t('privacy.more')), say(t('consent.ask'), consentButtons(b, place ?? ''))] };
      }
      if (a === 'n') return { kind: 'reply', lang: b, outputs: [toast(t('common.empty')), say(t('consent.declined'))] };
    }
    const w = welcome(ctx, undefined);
    return { kind: 'reply', lang: w.lang, outputs: [toast(t('common.stale')), ...w.outputs.slice(1)] };
  }
  if (input.type === 'command' && input.command !== 'start' && input.command !== 'language') {
    const lang = hintLanguage(ctx);
    const key = PRE_CONSENT_ANSWERS[input.command] ?? 'common.nudge';
    return { kind: 'reply', lang, outputs: [say(t(key)), ...welcome(ctx, undefined).outputs.slice(1)] };
  }
  const w = welcome(ctx, input.type === 'command' ? input.payload : undefined);
  return { kind: 'reply', lang: w.lang, outputs: w.outputs };
}
