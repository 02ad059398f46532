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
  readonly directory: Directory;
  readonly desk?: MatchDesk | undefined;
}

/** A stored reference is botbuilder's `ConversationReference`, kept opaque outside this channel. */
const referenceOf = (ref: ConversationRef | unknown) => ref as Partial<ConversationReference> & { locale?: string };

export function createTeamsDelivery(deps: DeliveryDeps) {
  const { adapter, appId, i18n, desk } = deps;
  const tr = (ref: ConversationRef) => translator(i18n, languageOf(ref.locale));

  /** Runs `logic` in the stored conversation; a failure of the Bot Connector becomes a `DeliveryError`. */
  async function inConversation(ref: ConversationRef, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    try {
      await adapter.continueConversationAsync(appId, referenceOf(ref), logic);
    } catch (error) {
      throw deliveryErrorOf(error);
    }
  }

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

  /** Sends a text to every stored conversation of the matchmakers of a place; returns how many. */
  async function notifyMatchmakers(placeCode: string, text: (lang: Lang) => string): Promise<number> {
    let sent = 0;
    for (const stored of await deps.directory.matchmakerConversations(placeCode)) {
      const ref = referenceOf(stored);
      await adapter.continueConversationAsync(appId, ref, async (context) => void (await context.sendActivity(text(languageOf(ref.locale)))));
      sent++;
    }
    return sent;
  }

  const deliver: Deliverer = byKind(handlers);
  return { deliver, notifyMatchmakers };
}
