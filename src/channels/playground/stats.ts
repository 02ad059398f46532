/** The matchmaker's 📊: the figures for all places this month, the card Teams shows for `stats`. */
import type { i18n as I18n } from 'i18next';
import type { ImpactPort } from '../../core/impact/figures.js';
import { monthOf } from '../../core/impact/period.js';
import { translator } from '../../i18n/index.js';
import type { Handler } from '../../http/server.js';
import { cardText } from '../cards/elements.js';
import { buildStatsCard } from '../cards/stats.js';
import { jsonRoute, langOf } from './json.js';

export function statsRoutes(deps: { readonly i18n: I18n; readonly impact: ImpactPort }): Record<string, Handler> {
  const stats = jsonRoute(async (body) => {
    const lang = langOf(body.lang);
    const t = cardText(translator(deps.i18n, lang));
    const month = monthOf(new Date());
    const range = { from: month, to: month };
    return { card: await buildStatsCard(t, lang, t('stats.allPlaces'), range, await deps.impact(null, range)) };
  });
  return { '/playground/api/stats': stats };
}
