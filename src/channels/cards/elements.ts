/**
 * The building blocks of the Adaptive Cards (v1.5) every channel shows: the card, headings,
 * paragraphs, Action.Execute buttons, and the card texts from `locales/<lng>/teams.json`.
 */
import type { Translate } from '../../i18n/index.js';

export type Card = Record<string, unknown> & { type: 'AdaptiveCard' };
export type Element = Record<string, unknown>;

/** `t('form.title')` for the teams namespace, `t('taxonomy:cat.cooking')` for others. */
export type CardText = (key: string, params?: Record<string, string | number>) => string;

export function cardText(tr: Translate): CardText {
  return (key, params) => {
    const raw = Object.fromEntries(Object.entries(params ?? {}).map(([k, v]) => [k, typeof v === 'number' ? v : { raw: v }]));
    return tr({ key: key.includes(':') ? key : `teams:${key}`, params: raw });
  };
}

export const card = (body: Element[], actions: Element[] = []): Card => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body,
  ...(actions.length ? { actions } : {}),
});

export const heading = (text: string): Element => ({ type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true });
export const paragraph = (text: string, extra: Element = {}): Element => ({ type: 'TextBlock', text, wrap: true, ...extra });
export const execute = (title: string, verb: string, data: Record<string, unknown> = {}): Element => ({
  type: 'Action.Execute',
  title,
  verb,
  data: { verb, ...data },
});

