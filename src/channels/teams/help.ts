/**
 * The help card: what the caller can do in their roles. It answers any message no other feature
 * took, and greets when the bot is added to a conversation. Register it last.
 */
import { ActivityTypes, type TurnContext } from 'botbuilder';
import { helpCard } from '../cards/provider-cards.js';
import type { Card } from '../cards/elements.js';
import { replyWith, type TeamsApp } from './feature.js';
import type { RolesLookup } from './roles.js';

export async function helpFor(roles: RolesLookup, context: TurnContext): Promise<Card> {
  const caller = await roles.callerOf(context);
  return helpCard(caller.t, {
    ...(caller.organisation ? { provider: { organisation: caller.organisation.name, name: caller.name } } : {}),
    matchmakerOf: caller.places.map((p) => p.name),
  });
}

export function registerHelp(app: TeamsApp, roles: RolesLookup): void {
  app.activity(ActivityTypes.Message, async (context) => void (await replyWith(context, await helpFor(roles, context))));
  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    if (context.activity.membersAdded?.some((m) => m.id === botId)) await replyWith(context, await helpFor(roles, context));
  });
  app.activity(ActivityTypes.InstallationUpdate, async () => undefined);
}
