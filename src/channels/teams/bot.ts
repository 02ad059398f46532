/**
 * Service providers and matchmakers in Microsoft Teams (botbuilder CloudAdapter + teams-ai).
 * Providers post, list, edit and close offers and asks through Adaptive Cards; matchmakers'
 * conversation references are kept so later features can notify them proactively.
 */
import { ActivityTypes, CardFactory, TurnContext, type ConversationReference, type Storage } from 'botbuilder';
import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import type { i18n as I18n } from 'i18next';
import { langFromLocale, type Lang } from '../../core/taxonomy/categories.js';
import { today as todayInBrussels } from '../../core/time.js';
import type { Directory, OfferStore, Organisation } from '../../core/offers/ports.js';
import { translator } from '../../i18n/index.js';
import type { Logger } from '../../logger.js';
import {
  applyDecision,
  cardText,
  helpCard,
  isDecisionVerb,
  matchDigestCard,
  referralCard,
  refusedCard,
  textCard,
  type Card,
  type CardText,
  type DecisionVerb,
} from './cards.js';
import { createTeamsHandler } from './http.js';
import { buildStatsCard, parseStatsArgs, STATS_COMMAND, type ImpactPort } from './stats.js';
import { createProviderActions, isProviderVerb, PROVIDER_VERBS } from './provider.js';
import type { MatchDesk } from '../../core/matching/desk.js';
import { reasonText } from '../../core/matching/reasons.js';
import { DeliveryError, type OutboxRow, type ReferralCardData } from '../../core/outbox/messages.js';
import type { Text } from '../../core/dialogue/types.js';

export interface TeamsOptions {
  readonly appId?: string | undefined;
  readonly appPassword?: string | undefined;
  readonly appTenantId?: string | undefined;
  readonly storage: Storage;
  readonly offers: OfferStore;
  readonly directory: Directory;
  readonly i18n: I18n;
  readonly log: Logger;
  readonly today?: () => string;
  /** After an offer is posted or changed (matching runs there, after the card is answered). */
  readonly onOfferSaved?: (offerId: string) => void;
  readonly onOfferClosed?: (offerId: string) => void;
  /** Suggestions and the matchmaker's decisions on them. */
  readonly desk?: MatchDesk;
  /** Impact figures for `stats` (matchmakers only). */
  readonly impact?: ImpactPort;
}

interface Caller {
  readonly t: CardText;
  readonly organisation: Organisation | null;
  readonly aadObjectId: string | undefined;
  readonly name: string;
}

/** The user's Teams locale when it is one of the eight, else Dutch. */
export const languageOf = langFromLocale;

function tenantOf(context: TurnContext): string | undefined {
  const a = context.activity;
  return a.conversation?.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
}

export function createTeamsChannel(options: TeamsOptions) {
  const { directory, offers, log } = options;
  const today = options.today ?? (() => todayInBrussels());
  const adapter = new TeamsAdapter({
    MicrosoftAppId: options.appId ?? '',
    MicrosoftAppPassword: options.appPassword ?? '',
    MicrosoftAppTenantId: options.appTenantId ?? '',
    MicrosoftAppType: options.appTenantId ? 'SingleTenant' : 'MultiTenant',
  });
  adapter.onTurnError = async (context, error) => {
    log.error({ err: error.message, kind: error.name, activity: context.activity.type }, 'Teams turn failed');
  };
  const app = new Application<TurnState>({
    adapter,
    storage: options.storage,
    botAppId: options.appId ?? '',
    startTypingTimer: false,
    removeRecipientMention: true,
    longRunningMessages: false,
    adaptiveCards: { actionSubmitFilter: 'verb' },
    turnStateFactory: () => new TurnState(),
  });

  /** Who is talking, looked up once per turn: the organisation of their tenant, the places they match for. */
  const roles = new WeakMap<TurnContext, Promise<{ organisation: Organisation | null; places: { code: string; name: string }[] }>>();
  function rolesOf(context: TurnContext) {
    let found = roles.get(context);
    if (!found) {
      const tenant = tenantOf(context);
      const aad = context.activity.from?.aadObjectId;
      found = Promise.all([tenant ? directory.organisationForTenant(tenant) : null, aad ? directory.matchmakerPlaces(aad) : []]).then(
        ([organisation, places]) => ({ organisation, places }),
      );
      roles.set(context, found);
    }
    return found;
  }

  async function callerOf(context: TurnContext): Promise<Caller> {
    const { organisation } = await rolesOf(context);
    const t = cardText(translator(options.i18n, languageOf(context.activity.locale)));
    return { t, organisation, aadObjectId: context.activity.from?.aadObjectId, name: context.activity.from?.name ?? '' };
  }

  async function help(context: TurnContext): Promise<Card> {
    const [caller, { places }] = await Promise.all([callerOf(context), rolesOf(context)]);
    return helpCard(caller.t, {
      ...(caller.organisation ? { provider: { organisation: caller.organisation.name, name: caller.name } } : {}),
      matchmakerOf: places.map((p) => p.name),
    });
  }

  /**
   * Keeps where matchmakers and providers can be reached later: their personal chat, or the
   * channel they installed us in. Nobody else's conversation is stored.
   */
  async function rememberConversation(context: TurnContext): Promise<void> {
    const aad = context.activity.from?.aadObjectId;
    const conversationId = context.activity.conversation?.id;
    if (!aad || !conversationId) return;
    const { organisation, places } = await rolesOf(context);
    if (!organisation && places.length === 0) return;
    await directory.saveConversation({
      conversationId,
      aadObjectId: aad,
      tenantId: tenantOf(context),
      kind: context.activity.conversation.conversationType ?? 'personal',
      reference: TurnContext.getConversationReference(context.activity),
    });
  }

  function digestFor(lang: Lang, views: Parameters<typeof matchDigestCard>[2]): Card {
    const tr = translator(options.i18n, lang);
    return matchDigestCard(cardText(tr), (r) => tr(reasonText(r)), views);
  }

  /** Introduce / Not now / Not a fit: only a matchmaker of the match's place may decide. */
  async function onDecision(context: TurnContext, verb: DecisionVerb, data: Record<string, unknown>): Promise<Card> {
    const desk = options.desk;
    const lang = languageOf(context.activity.locale);
    const matchId = typeof data.matchId === 'string' ? data.matchId : '';
    const ids = Array.isArray(data.matchIds) ? data.matchIds.filter((x): x is string => typeof x === 'string').slice(0, 20) : [matchId];
    const mine = new Set((await rolesOf(context)).places.map((p) => p.code));
    const [view] = desk ? await desk.views([matchId]) : [];
    if (!desk || !view || !view.placeCode || !mine.has(view.placeCode)) return refusedCard(cardText(translator(options.i18n, lang)));
    await applyDecision(desk, verb, matchId, data);
    const views = (await desk.views(ids)).filter((v) => v.placeCode && mine.has(v.placeCode));
    return digestFor(lang, views);
  }

  const provider = createProviderActions({ offers, directory, log, today, onOfferSaved: options.onOfferSaved, onOfferClosed: options.onOfferClosed });

  /** One place for every card verb, shared by Action.Execute and Action.Submit. */
  async function onVerb(context: TurnContext, verb: string, data: Record<string, unknown>): Promise<Card> {
    if (isDecisionVerb(verb)) return onDecision(context, verb, data);
    const caller = await callerOf(context);
    const org = caller.organisation;
    if (!org) return refusedCard(caller.t);
    if (!isProviderVerb(verb)) return help(context);
    return provider({ t: caller.t, organisation: org, authorId: caller.aadObjectId ?? context.activity.from.id }, verb, data);
  }

  /** `stats [place] [period]`: a matchmaker's figures for their places; anyone else is refused. */
  async function stats(context: TurnContext): Promise<Card> {
    const [caller, { places }] = await Promise.all([callerOf(context), rolesOf(context)]);
    const { t } = caller;
    if (places.length === 0 || !options.impact) return refusedCard(t);
    const words = STATS_COMMAND.exec(context.activity.text ?? '')?.[2] ?? '';
    const request = parseStatsArgs(words, (await directory.placeCodes()).map((p) => p.code), new Date());
    if ('error' in request) return textCard(t('stats.usage'));
    const mine = places.map((p) => p.code);
    if (request.place && !mine.includes(request.place)) return textCard(t('stats.notYours', { place: request.place, places: places.map((p) => p.name).join(', ') }));
    const codes = request.place ? [request.place] : mine;
    const scope = codes.length === 1 ? (places.find((p) => p.code === codes[0])?.name ?? codes[0]!) : t('stats.allPlaces');
    return buildStatsCard(t, languageOf(context.activity.locale), scope, request.range, await options.impact(codes, request.range));
  }

  const VERBS = [...PROVIDER_VERBS, 'introduce', 'snooze', 'dismiss'];
  const reply = (context: TurnContext, card: Card) => context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] });

  app.turn('beforeTurn', async (context) => {
    const type = context.activity.type;
    if (type === ActivityTypes.Message || type === ActivityTypes.InstallationUpdate || type === ActivityTypes.ConversationUpdate) {
      await rememberConversation(context);
    }
    return true;
  });
  for (const verb of VERBS) {
    app.adaptiveCards.actionExecute<Record<string, unknown>>(verb, (context, _state, data) => onVerb(context, verb, data ?? {}));
    app.adaptiveCards.actionSubmit<Record<string, unknown>>(verb, async (context, _state, data) => {
      await reply(context, await onVerb(context, verb, data ?? {}));
    });
  }
  const commands: [RegExp, string][] = [
    [/^\s*(new offer|nieuw aanbod)\s*$/i, 'newOffer'],
    [/^\s*(new ask|nieuwe vraag)\s*$/i, 'newAsk'],
    [/^\s*(my offers|mijn aanbod)\s*$/i, 'myOffers'],
  ];
  for (const [pattern, verb] of commands) app.message(pattern, async (context) => void (await reply(context, await onVerb(context, verb, {}))));
  app.message(STATS_COMMAND, async (context) => void (await reply(context, await stats(context))));
  app.activity(ActivityTypes.Message, async (context) => void (await reply(context, await help(context))));
  app.conversationUpdate('membersAdded', async (context) => {
    const botId = context.activity.recipient?.id;
    if (context.activity.membersAdded?.some((m) => m.id === botId)) await reply(context, await help(context));
  });
  app.activity(ActivityTypes.InstallationUpdate, async () => undefined);

  async function withConversation(reference: unknown, logic: (context: TurnContext) => Promise<void>): Promise<void> {
    try {
      await adapter.continueConversationAsync(options.appId ?? '', reference as Partial<ConversationReference>, logic);
    } catch (error) {
      const status = (error as { statusCode?: number }).statusCode;
      const retryable = status === undefined || status === 429 || status >= 500;
      throw new DeliveryError(`Teams answered ${status ?? 'no status'}: ${(error as Error).message}`, retryable);
    }
  }

  /** Delivers one outbox message to Teams: a digest card, a card refresh, or a text. */
  async function deliver(row: OutboxRow): Promise<unknown> {
    const p = row.payload as { reference: { locale?: string }; conversationId?: string; activityId?: string; matchIds?: string[]; text?: Text };
    const lang = languageOf(p.reference.locale);
    if (row.kind === 'text' && p.text) {
      const text = translator(options.i18n, lang)(p.text);
      await withConversation(p.reference, async (context) => void (await context.sendActivity(text)));
      return {};
    }
    if (row.kind === 'referral.card') {
      const card = referralCard(cardText(translator(options.i18n, lang)), row.payload as ReferralCardData);
      await withConversation(p.reference, async (context) => void (await context.sendActivity({ attachments: [CardFactory.adaptiveCard(card)] })));
      return {};
    }
    const views = options.desk ? await options.desk.views(p.matchIds ?? []) : [];
    const attachments = [CardFactory.adaptiveCard(digestFor(lang, views))];
    if (row.kind === 'card.update' && p.activityId) {
      await withConversation(p.reference, async (context) => void (await context.updateActivity({ id: p.activityId, type: 'message', attachments })));
      return { activityId: p.activityId };
    }
    let activityId = '';
    await withConversation(p.reference, async (context) => {
      activityId = (await context.sendActivity({ attachments }))?.id ?? '';
    });
    if (activityId && options.desk && p.conversationId) await options.desk.recordCard(p.matchIds ?? [], p.conversationId, activityId);
    return { activityId };
  }

  return {
    deliver,
    handler: createTeamsHandler(adapter, (context) => app.run(context).then(() => undefined), { loopbackOnly: !options.appId, log }),
    /** Sends a text to every stored conversation of the matchmakers of a place; returns how many. */
    async notifyMatchmakers(placeCode: string, text: (lang: Lang) => string): Promise<number> {
      let sent = 0;
      for (const reference of await directory.matchmakerConversations(placeCode)) {
        const ref = reference as Partial<ConversationReference> & { locale?: string };
        await adapter.continueConversationAsync(options.appId ?? '', ref, async (context) => {
          await context.sendActivity(text(languageOf(ref.locale)));
        });
        sent++;
      }
      return sent;
    },
  };
}

export type TeamsChannel = ReturnType<typeof createTeamsChannel>;
