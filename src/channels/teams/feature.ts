/**
 * What every Teams feature is registered on, like a grammY Composer: the teams-ai Application,
 * with helpers to answer with a card and to handle a card verb from Action.Execute (the card comes
 * back in the invoke response) and Action.Submit (the card is sent as a new message) alike.
 */
import { CardFactory, type TurnContext } from 'botbuilder';
import type { Application, TurnState } from '@microsoft/teams-ai';
import type { Card } from '../cards/elements.js';

export type TeamsApp = Application<TurnState>;

export type VerbHandler = (context: TurnContext, data: Record<string, unknown>) => Promise<Card>;

export const replyWith = (context: TurnContext, card: Card) => context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });

/** One handler for a card verb, whichever action type the card used. */
export function onVerb(app: TeamsApp, verb: string, handler: VerbHandler): void {
  app.adaptiveCards.actionExecute<Record<string, unknown>>(verb, (context, _state, data) => handler(context, data ?? {}));
  app.adaptiveCards.actionSubmit<Record<string, unknown>>(verb, async (context, _state, data) => {
    await replyWith(context, await handler(context, data ?? {}));
  });
}
