/**
 * Providers' offers and asks in Teams: the card verbs (new, save, list, edit, close) and the typed
 * commands, for callers whose tenant belongs to a registered organisation; others are refused.
 */
import type { TurnContext } from 'botbuilder';
import { createProviderActions, isProviderVerb, PROVIDER_VERBS, type ProviderOptions } from '../cards/provider.js';
import { refusedCard } from '../cards/provider-cards.js';
import type { Card } from '../cards/elements.js';
import { onVerb, replyWith, type TeamsApp } from './feature.js';
import { helpFor } from './help.js';
import type { RolesLookup } from './roles.js';

const COMMANDS: readonly [RegExp, string][] = [
  [/^\s*(new offer|nieuw aanbod)\s*$/i, 'newOffer'],
  [/^\s*(new ask|nieuwe vraag)\s*$/i, 'newAsk'],
  [/^\s*(my offers|mijn aanbod)\s*$/i, 'myOffers'],
];

export function registerOffers(app: TeamsApp, deps: ProviderOptions & { readonly roles: RolesLookup }): void {
  const act = createProviderActions(deps);

  async function provide(context: TurnContext, verb: string, data: Record<string, unknown>): Promise<Card> {
    const caller = await deps.roles.callerOf(context);
    const org = caller.organisation;
    if (!org) return refusedCard(caller.t);
    if (!isProviderVerb(verb)) return helpFor(deps.roles, context);
    return act({ t: caller.t, organisation: org, authorId: caller.aadObjectId ?? context.activity.from.id, lang: caller.lang }, verb, data);
  }

  for (const verb of PROVIDER_VERBS) onVerb(app, verb, (context, data) => provide(context, verb, data));
  for (const [pattern, verb] of COMMANDS) app.message(pattern, async (context) => void (await replyWith(context, await provide(context, verb, {}))));
}
