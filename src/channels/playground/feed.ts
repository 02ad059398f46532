/**
 * The matchmaker pane: the newest suggestions, each as the same digest card Teams gets, and
 * Introduce / Not now / Not a fit from a card, answered with the card as it is now.
 */
import type { i18n as I18n } from 'i18next';
import type { MatchDesk, MatchView } from '../../core/matching/desk.js';
import type { Lang } from '../../core/taxonomy/categories.js';
import { translator } from '../../i18n/index.js';
import type { Handler } from '../../http/server.js';
import { applyDecision, digestIn, isDecisionVerb } from '../cards/matchmaker-cards.js';
import { dataOf, jsonRoute, langOf } from './json.js';
import { isUuid } from '../../core/ids.js';

export const FEED_STATES = ['suggested', 'snoozed', 'introduced', 'accepted', 'declined', 'met'] as const;
export type FeedState = (typeof FEED_STATES)[number];
const FEED_SIZE = 20;

export interface FeedDeps {
  readonly desk: MatchDesk;
  readonly i18n: I18n;
  /** Ids of the newest matches in these states, newest first. */
  readonly recentMatchIds: (states: readonly FeedState[], limit: number) => Promise<string[]>;
  readonly settle: () => Promise<void>;
}

export function feedRoutes(deps: FeedDeps): Record<string, Handler> {
  const { desk } = deps;
  /** The digest card of one suggestion, in the matchmaker's language. */
  const cardOf = (view: MatchView, lang: Lang) => digestIn(translator(deps.i18n, lang), [view]);

  const feed = jsonRoute(async (body) => {
    const lang = langOf(body.lang);
    const views = await desk.views(await deps.recentMatchIds(FEED_STATES, FEED_SIZE));
    return { cards: views.map((v) => ({ id: v.id, state: v.state, card: cardOf(v, lang) })) };
  });

  const decide = jsonRoute(async (body) => {
    const matchId = String(body.matchId ?? '');
    if (!isUuid(matchId) || !isDecisionVerb(body.verb)) return { ok: false };
    const ok = await applyDecision(desk, body.verb, matchId, dataOf(body));
    await deps.settle();
    const [view] = await desk.views([matchId]);
    return { ok, ...(view ? { state: view.state, card: cardOf(view, langOf(body.lang)) } : {}) };
  });

  return { '/playground/api/feed': feed, '/playground/api/decide': decide };
}
