/**
 * `stats [place] [period]` for matchmakers: reads the words, checks the place is theirs, and
 * answers with the stats card. Figures come through a port (the impact repository).
 */
import type { TurnContext } from 'botbuilder';
import type { Directory } from '../../core/offers/ports.js';
import type { ImpactPort } from '../../core/impact/figures.js';
import { refusedCard, textCard } from '../cards/provider-cards.js';
import { buildStatsCard, parseStatsArgs } from '../cards/stats.js';
import type { Card } from '../cards/elements.js';
import { replyWith, type TeamsApp } from './feature.js';
import type { RolesLookup } from './roles.js';

export const STATS_COMMAND = /^\s*(stats|statistieken|cijfers)\b(.*)$/i;

export interface StatsDeps {
  readonly roles: RolesLookup;
  readonly directory: Directory;
  readonly impact?: ImpactPort | undefined;
}

export function registerStats(app: TeamsApp, deps: StatsDeps): void {
  /** A matchmaker's figures for their places; anyone else is refused. */
  async function stats(context: TurnContext): Promise<Card> {
    const { t, places, lang } = await deps.roles.callerOf(context);
    if (places.length === 0 || !deps.impact) return refusedCard(t);
    const words = STATS_COMMAND.exec(context.activity.text ?? '')?.[2] ?? '';
    const request = parseStatsArgs(words, (await deps.directory.placeCodes()).map((p) => p.code), new Date());
    if ('error' in request) return textCard(t('stats.usage'));
    const mine = places.map((p) => p.code);
    if (request.place && !mine.includes(request.place)) return textCard(t('stats.notYours', { place: request.place, places: places.map((p) => p.name).join(', ') }));
    const codes = request.place ? [request.place] : mine;
    const scope = codes.length === 1 ? (places.find((p) => p.code === codes[0])?.name ?? codes[0]!) : t('stats.allPlaces');
    return buildStatsCard(t, lang, scope, request.range, await deps.impact(codes, request.range));
  }

  app.message(STATS_COMMAND, async (context) => void (await replyWith(context, await stats(context))));
}
