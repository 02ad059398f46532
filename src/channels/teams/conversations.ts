/**
 * Keeps where matchmakers and providers can be reached later: their personal chat, or the
 * channel they installed us in. Nobody else's conversation is stored.
 */
import { ActivityTypes, TurnContext } from 'botbuilder';
import type { Directory } from '../../core/offers/ports.js';
import type { TeamsApp } from './feature.js';
import { tenantOf, type RolesLookup } from './roles.js';

const CAPTURED: readonly string[] = [ActivityTypes.Message, ActivityTypes.InstallationUpdate, ActivityTypes.ConversationUpdate];

export function registerConversationCapture(app: TeamsApp, deps: { readonly directory: Directory; readonly roles: RolesLookup }): void {
  async function remember(context: TurnContext): Promise<void> {
    const aad = context.activity.from?.aadObjectId;
    const conversationId = context.activity.conversation?.id;
    if (!aad || !conversationId) return;
    const { organisation, places } = await deps.roles.rolesOf(context);
    if (!organisation && places.length === 0) return;
    await deps.directory.saveConversation({
      conversationId,
      aadObjectId: aad,
      tenantId: tenantOf(context),
      kind: context.activity.conversation.conversationType ?? 'personal',
      reference: TurnContext.getConversationReference(context.activity),
    });
  }

  app.turn('beforeTurn', async (context) => {
    if (CAPTURED.includes(context.activity.type)) await remember(context);
    return true;
  });
}
