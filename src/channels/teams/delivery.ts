/**
 * Outbox → Teams: one handler per kind of Teams message (a text, a matchmaker's digest card, a
 * refresh of a card already sent, a warm referral), each in the stored conversation. The Bot
 * Connector's failures become typed errors, then `DeliveryError`s the outbox worker understands.
 */
import { CardFactory, type ConversationReference, type TurnContext } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { i18n as I18n } from 'i18next';
import type { MatchDesk } from '../../core/matching/desk.js';
import type { ConversationRef, HandlerMap } from '../../core/outbox/messages.js';
import type { Lang } from '../../core/taxonomy/categories.js';
import type { Directory } from '../../core/offers/ports.js';
import { translator } from '../../i18n/index.js';
import { byKind, type Deliverer } from '../../services/outbox/worker.js';
import { cardText, type Card } from '../cards/elements.js';
import { digestIn, referralCard } from '../cards/matchmaker-cards.js';
import { deliveryErrorOf } from './errors.js';
import { languageOf } from './roles.js';

export interface DeliveryDeps {
  readonly adapter: TeamsAdapter;
  readonly appId: string;
  readonly i18n: I18n;
  readonly desk?: MatchDesk | undefined;
}

/** A stored reference is botbuilder's `ConversationReference`, kept opaque outside this channel. */
const referenceOf = (ref: unknown) => ref as Partial<ConversationReference> & { locale?: string };

/**
 * Runs `logic` in a stored conversation; a failure of the Bot Connector becomes a
 * `DeliveryError`. It is caught inside the turn: the adapter's `onTurnError` would swallow it.
 */
function conversationRunner(adapter: TeamsAdapter, appId: string) {
  return async function inConversation(ref: ConversationRef, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    let failure: { error: unknown } | undefined;
    try {
      await adapter.continueConversationAsync(appId, referenceOf(ref), async (context) => {
        await logic(context).catch((error: unknown) => void (failure = { error }));
      });
    } catch (error) {
      failure = { error };
    }
    if (failure) throw deliveryErrorOf(failure.error);
  };
}

/** The deliverer of the outbox's Teams messages. */
export function createTeamsDelivery(deps: DeliveryDeps): Deliverer {
  const { i18n, desk } = deps;
  const inConversation = conversationRunner(deps.adapter, deps.appId);
  const tr = (ref: ConversationRef) => translator(i18n, languageOf(ref.locale));
  const digestOf = async (ref: ConversationRef, matchIds: readonly string[]): Promise<Card> => digestIn(tr(ref), desk ? await desk.views(matchIds) : []);

  /** Sends a new digest card; the card is remembered so later decisions can refresh it. */
  async function sendDigest(ref: ConversationRef, matchIds: readonly string[], conversationId: string | undefined) {
    const attachments = [CardFactory.adaptiveCard(await digestOf(ref, matchIds))];
    let activityId = '';
    await inConversation(ref, async (context) => {
      activityId = (await context.sendActivity({ attachments }))?.id ?? '';
    });
    if (activityId && desk && conversationId) await desk.recordCard(matchIds, conversationId, activityId);
    return { activityId };
  }

  const handlers: HandlerMap<'teams'> = {
    async text({ payload }) {
      const text = tr(payload.reference)(payload.text);
      await inConversation(payload.reference, async (context) => void (await context.sendActivity(text)));
      return {};
    },
    async 'referral.card'({ payload }) {
      const card = referralCard(cardText(tr(payload.reference)), payload);
      await inConversation(payload.reference, async (context) => void (await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] })));
      return {};
    },
    'matchmaker.card': ({ payload }) => sendDigest(payload.reference, payload.matchIds, payload.conversationId),
    async 'card.update'({ payload }) {
      const { reference, activityId, matchIds } = payload;
      if (!activityId) return sendDigest(reference, matchIds, undefined);
      const attachments = [CardFactory.adaptiveCard(await digestOf(reference, matchIds))];
      await inConversation(reference, async (context) => void (await context.updateActivity({ id: activityId, type: 'message', attachments })));
      return { activityId };
    },
  };
  return byKind(handlers);
}

/** Sends a text to every stored conversation of the matchmakers of a place; returns how many. */
export function createMatchmakerNotifier(deps: Pick<DeliveryDeps, 'adapter' | 'appId'> & { readonly directory: Directory }) {
  return async function notifyMatchmakers(placeCode: string, text: (lang: Lang) => string): Promise<number> {
    let sent = 0;
    for (const stored of await deps.directory.matchmakerConversations(placeCode)) {
      const ref = referenceOf(stored);
      await deps.adapter.continueConversationAsync(deps.appId, ref, async (context) => void (await context.sendActivity(text(languageOf(ref.locale)))));
      sent++;
    }
    return sent;
  };
}
