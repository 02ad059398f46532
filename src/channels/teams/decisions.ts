/**
 * Introduce / Not now / Not a fit on the matchmaker's digest card: only a matchmaker of the
 * match's place may decide; the card comes back with the suggestions of their places as they are now.
 */
import type { TurnContext } from 'botbuilder';
import type { i18n as I18n } from 'i18next';
import type { MatchDesk } from '../../core/matching/desk.js';
import { translator } from '../../i18n/index.js';
import { applyDecision, DECISION_VERBS, digestIn, type DecisionVerb } from '../cards/matchmaker-cards.js';
import { refusedCard } from '../cards/provider-cards.js';
import type { Card } from '../cards/elements.js';
import { onVerb, type TeamsApp } from './feature.js';
import type { RolesLookup } from './roles.js';

/** At most this many suggestions are shown again on the card that was answered. */
const MAX_CARD_MATCHES = 20;

export interface DecisionDeps {
  readonly roles: RolesLookup;
  readonly i18n: I18n;
  readonly desk?: MatchDesk | undefined;
}

function matchIdsOf(data: Record<string, unknown>, matchId: string): string[] {
  return Array.isArray(data.matchIds) ? data.matchIds.filter((x): x is string => typeof x === 'string').slice(0, MAX_CARD_MATCHES) : [matchId];
}

export function registerDecisions(app: TeamsApp, deps: DecisionDeps): void {
  async function decide(context: TurnContext, verb: DecisionVerb, data: Record<string, unknown>): Promise<Card> {
    const { desk } = deps;
    const caller = await deps.roles.callerOf(context);
    const matchId = typeof data.matchId === 'string' ? data.matchId : '';
    const mine = new Set(caller.places.map((p) => p.code));
    const [view] = desk ? await desk.views([matchId]) : [];
    if (!desk || !view || !view.placeCode || !mine.has(view.placeCode)) return refusedCard(caller.t);
    await applyDecision(desk, verb, matchId, data);
    const views = (await desk.views(matchIdsOf(data, matchId))).filter((v) => v.placeCode && mine.has(v.placeCode));
    return digestIn(translator(deps.i18n, caller.lang), views);
  }

  for (const verb of DECISION_VERBS) onVerb(app, verb, (context, data) => decide(context, verb, data));
}
