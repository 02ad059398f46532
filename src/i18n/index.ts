/**
 * i18next over `locales/<lng>/<namespace>.json`. Each turn gets a translator fixed to the
 * reader's language (`getFixedT`), never a global language switch.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import i18next, { type i18n as I18n, type Resource, type TFunction } from 'i18next';
import { DEFAULT_LANG, UI_LANGUAGES, type Lang } from '../core/taxonomy/categories.js';
import type { Param, Text } from '../core/dialogue/types.js';

export const LOCALES_DIR = fileURLToPath(new URL('../../locales', import.meta.url));
export const NAMESPACES = ['translation', 'taxonomy', 'teams', 'matching'] as const;

export type Translate = (text: Text) => string;

function loadResources(dir: string) {
  const resources: Resource = {};
  for (const lng of UI_LANGUAGES) {
    resources[lng] = {};
    for (const file of readdirSync(path.join(dir, lng))) {
      if (!file.endsWith('.json')) continue;
      resources[lng]![file.slice(0, -5)] = JSON.parse(readFileSync(path.join(dir, lng, file), 'utf8'));
    }
  }
  return resources;
}

/** Loads every locale synchronously; call once at start-up. */
export function createI18n(dir: string = LOCALES_DIR): I18n {
  const instance = i18next.createInstance();
  void instance.init({
    resources: loadResources(dir),
    lng: DEFAULT_LANG,
    fallbackLng: DEFAULT_LANG,
    supportedLngs: [...UI_LANGUAGES],
    ns: [...NAMESPACES],
    defaultNS: 'translation',
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}

function renderParam(t: TFunction, param: Param): string | number {
  if (typeof param === 'string' || typeof param === 'number') return param;
  if ('raw' in param) return param.raw;
  if (Array.isArray(param)) {
    const parts = param.map((p: Text) => renderText(t, p)).filter((s: string) => s.length > 0);
    return parts.length > 0 ? parts.join(', ') : t('common.none');
  }
  return renderText(t, param as Text);
}

function renderText(t: TFunction, text: Text): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(text.params ?? {})) params[name] = renderParam(t, value);
  const body = t(text.key, params) as string;
  return text.prefix ? `${text.prefix} ${body}` : body;
}

/** A translator for one reader: turns the engine's texts into strings in `lang`. */
export function translator(i18n: I18n, lang: Lang | string): Translate {
  const t = i18n.getFixedT(lang);
  return (text) => renderText(t, text);
}
