/**
 * Service providers and matchmakers in Microsoft Teams (botbuilder CloudAdapter + teams-ai): the
 * adapter and the Application, with one feature per file registered on it — conversation capture,
 * providers' offers, matchmakers' decisions and stats, help — and delivery of the outbox's Teams
 * messages. Nothing of botbuilder or teams-ai leaves this folder.
 */
import { Application, TeamsAdapter, TurnState } from '@microsoft/teams-ai';
import type { i18n as I18n } from 'i18next';
import type { ImpactPort } from '../../core/impact/figures.js';
import type { MatchDesk } from '../../core/matching/desk.js';
import type { Directory, OfferStore } from '../../core/offers/ports.js';
import type { KeyValueStore } from '../../core/storage/key-value.js';
import { today as todayInBrussels } from '../../core/time.js';
import type { Logger } from '../../logger.js';
import { registerConversationCapture } from './conversations.js';
import { registerDecisions } from './decisions.js';
import { createMatchmakerNotifier, createTeamsDelivery } from './delivery.js';
import type { TeamsApp } from './feature.js';
import { registerHelp } from './help.js';
import { createTeamsHandler } from './http.js';
import { registerOffers } from './offers.js';
import { createRoles } from './roles.js';
import { registerStats } from './stats.js';
import { createTeamsStorage } from './storage.js';

export interface TeamsOptions {
  readonly appId?: string | undefined;
  readonly appPassword?: string | undefined;
  readonly appTenantId?: string | undefined;
  /** Where teams-ai keeps its turn state (the `bot_storage` repository). */
  readonly state: KeyValueStore;
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

function createAdapter(options: TeamsOptions): TeamsAdapter {
  const adapter = new TeamsAdapter({
    MicrosoftAppId: options.appId ?? '',
    MicrosoftAppPassword: options.appPassword ?? '',
    MicrosoftAppTenantId: options.appTenantId ?? '',
    MicrosoftAppType: options.appTenantId ? 'SingleTenant' : 'MultiTenant',
  });
  adapter.onTurnError = async (context, error) => {
    options.log.error({ err: error, activity: context.activity.type }, 'Teams turn failed');
  };
  return adapter;
}

function createApplication(adapter: TeamsAdapter, options: TeamsOptions): TeamsApp {
  return new Application<TurnState>({
    adapter,
    storage: createTeamsStorage(options.state),
    botAppId: options.appId ?? '',
    startTypingTimer: false,
    removeRecipientMention: true,
    longRunningMessages: false,
    adaptiveCards: { actionSubmitFilter: 'verb' },
    turnStateFactory: () => new TurnState(),
  });
}

/** The features, in the order their routes are tried: help answers what nothing else took. */
function registerFeatures(app: TeamsApp, options: TeamsOptions): void {
  const { directory, i18n, log } = options;
  const roles = createRoles(directory, i18n);
  const today = options.today ?? (() => todayInBrussels());
  registerConversationCapture(app, { directory, roles });
  registerOffers(app, { roles, offers: options.offers, directory, log, today, onOfferSaved: options.onOfferSaved, onOfferClosed: options.onOfferClosed });
  registerDecisions(app, { roles, i18n, desk: options.desk });
  registerStats(app, { roles, directory, impact: options.impact });
  registerHelp(app, roles);
}

export function createTeamsChannel(options: TeamsOptions) {
  const adapter = createAdapter(options);
  const app = createApplication(adapter, options);
  registerFeatures(app, options);
  const appId = options.appId ?? '';
  const { directory, desk, i18n, log } = options;
  return {
    deliver: createTeamsDelivery({ adapter, appId, i18n, desk }),
    handler: createTeamsHandler(adapter, (context) => app.run(context).then(() => undefined), { loopbackOnly: !options.appId, log }),
    /** Sends a text to every stored conversation of the matchmakers of a place; returns how many. */
    notifyMatchmakers: createMatchmakerNotifier({ adapter, appId, directory }),
  };
}

export type TeamsChannel = ReturnType<typeof createTeamsChannel>;
