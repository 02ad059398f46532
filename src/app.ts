/**
 * Wires config → database → services → channels → HTTP, and tears it down in the reverse
 * order. `main.ts` calls it with the environment; tests call it with their own config.
 */
import type { Server } from 'node:http';
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { UserFromGetMe } from 'grammy/types';
import type { i18n as I18n } from 'i18next';
import { demoDataWanted, hostOf, matchingConfigFrom, playgroundEnabled, type Config } from './config.js';
import { createMatcher, type Matcher } from './core/matching/matcher.js';
import type { MatchDesk } from './core/matching/desk.js';
import type { Directory, OfferStore } from './core/offers/ports.js';
import { createIntakeService, type IntakeService } from './core/intake-service.js';
import { today as todayInBrussels } from './core/time.js';
import { openDatabase, type DatabaseHandle } from './db/client.js';
import { impactFigures } from './db/repositories/impact.js';
import { createMatchingStore } from './db/repositories/matching-store.js';
import { createDirectory, createOfferStore } from './db/repositories/offer-store.js';
import { outboxCounts, sentToChat } from './db/repositories/outbox.js';
import { seedPlaces } from './db/seed.js';
import { createI18n } from './i18n/index.js';
import { createLogger, type Logger } from './logger.js';
import { createBackground, type Background } from './services/background.js';
import { createMatchDesk } from './services/desk.js';
import { createIntakeStore, type FloodPolicy } from './services/intake-store.js';
import { appJobs, createScheduler, type Scheduler } from './services/jobs.js';
import { createInternalDeliverer } from './services/outbox/internal.js';
import { createOutboxWorker, type OutboxWorker, type OutboxWorkerOptions } from './services/outbox/worker.js';
import { createPlayground } from './channels/playground/api.js';
import { DEMO_ORGANISATIONS, loadDemoData } from './services/demo.js';
import type { ImpactPort } from './core/impact/figures.js';
import { createTeamsChannel, type TeamsChannel } from './channels/teams/bot.js';
import { createBotStorageRepository } from './db/repositories/bot-storage.js';
import { recentMatchIds } from './db/repositories/match-queries.js';
import { ensureOrganisation } from './db/repositories/organisations.js';
import { createTelegramBot, type TelegramBot } from './channels/telegram/bot.js';
import { createTelegramDeliverer } from './channels/telegram/outbox.js';
import { createWebhookHandler } from './channels/telegram/webhook.js';
import { createHttpServer, listen, type Handler } from './http/server.js';
import { lexicon } from './core/understanding/patterns.js';
import { createInfoPage } from './http/pages.js';

export interface AppOverrides {
  readonly log?: Logger;
  readonly botInfo?: UserFromGetMe;
  readonly pgliteDump?: Blob;
  readonly perChatIntervalMs?: number;
  readonly flood?: FloodPolicy;
  readonly host?: string;
  /** Today's date for validating offers (tests). */
  readonly today?: () => string;
  /** `manual`: no polling worker; tests deliver with `app.outbox.drain()`. */
  readonly outbox?: 'auto' | 'manual';
}

export interface App {
  readonly port: number;
  readonly server: Server;
  readonly database: DatabaseHandle;
  readonly telegram: TelegramBot | undefined;
  readonly teams: TeamsChannel;
  readonly matcher: Matcher;
  /** Work after replies (matching); `drain()` waits for it. */
  readonly background: Background;
  readonly outbox: OutboxWorker;
  readonly jobs: Scheduler;
  readonly log: Logger;
  stop(): Promise<void>;
}

const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query'] as const;

/** What every channel shares: the same stores, the same matching after a save. */
interface Services {
  readonly config: Config;
  readonly log: Logger;
  readonly i18n: I18n;
  readonly database: DatabaseHandle;
  readonly background: Background;
  readonly matcher: Matcher;
  readonly desk: MatchDesk;
  readonly intake: IntakeService;
  readonly offers: OfferStore;
  readonly directory: Directory;
  readonly impact: ImpactPort;
  readonly today: () => string;
  readonly onOfferSaved: (offerId: string) => void;
  readonly onOfferClosed: (offerId: string) => void;
}

function createServices(config: Config, overrides: AppOverrides, database: DatabaseHandle, log: Logger): Services {
  const db = database.db;
  const background = createBackground(log);
  const matching = matchingConfigFrom(config);
  const matcher = createMatcher(createMatchingStore(db, { digestSeconds: config.NOTIFY_DIGEST_SECONDS }), matching);
  const intakeStore = createIntakeStore(db, overrides.flood, { followUpDays: config.FOLLOW_UP_DAYS, groupMin: matching.groupMin });
  const intake = createIntakeService(intakeStore, {
    profileConfirmed: async (participantId) => background.run('match participant', () => matcher.matchParticipant(participantId)),
  });
  return {
    config,
    log,
    i18n: createI18n(),
    database,
    background,
    matcher,
    desk: createMatchDesk(db, matching.dismissPenalty),
    intake,
    offers: createOfferStore(db),
    directory: createDirectory(db),
    impact: (places, range) => impactFigures(db, places, range),
    today: overrides.today ?? (() => todayInBrussels()),
    onOfferSaved: (offerId) => background.run('match offer', () => matcher.matchOffer(offerId)),
    onOfferClosed: (offerId) => background.run('withdraw offer', () => matcher.offerClosed(offerId)),
  };
}

/** Telegram, when a token is set: a webhook route or a long-polling runner. */
async function connectTelegram(s: Services, overrides: AppOverrides, routes: Record<string, Handler>): Promise<{ telegram?: TelegramBot; runner?: RunnerHandle }> {
  const { config, log } = s;
  if (!config.TELEGRAM_BOT_TOKEN) {
    log.warn('Telegram is not connected. Set TELEGRAM_BOT_TOKEN (from @BotFather) to connect a bot; see README.md.');
    return {};
  }
  const telegram = createTelegramBot({
    token: config.TELEGRAM_BOT_TOKEN,
    apiRoot: config.TELEGRAM_API_ROOT,
    botInfo: overrides.botInfo,
    intake: s.intake,
    i18n: s.i18n,
    log,
    // One poller per bot token (Telegram's rule), so ordering per user can be kept in it too.
    sequential: config.TELEGRAM_MODE === 'polling',
    ...(overrides.perChatIntervalMs !== undefined ? { perChatIntervalMs: overrides.perChatIntervalMs } : {}),
  });
  await telegram.bot.init();
  let runner: RunnerHandle | undefined;
  if (config.TELEGRAM_MODE === 'webhook') routes['/telegram/webhook'] = createWebhookHandler(telegram.bot, config.TELEGRAM_WEBHOOK_SECRET ?? '', log);
  else runner = run(telegram.bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
  void telegram.publishCommands();
  log.info({ mode: config.TELEGRAM_MODE, bot: telegram.bot.botInfo.username }, 'Telegram connected');
  return runner ? { telegram, runner } : { telegram };
}

function connectTeams(s: Services): TeamsChannel {
  const { config } = s;
  if (!config.MICROSOFT_APP_ID) s.log.warn('Teams: MICROSOFT_APP_ID is not set, so /api/messages only accepts local requests; see README.md.');
  return createTeamsChannel({
    appId: config.MICROSOFT_APP_ID,
    appPassword: config.MICROSOFT_APP_PASSWORD,
    appTenantId: config.MICROSOFT_APP_TENANT_ID,
    state: createBotStorageRepository(s.database.db),
    offers: s.offers,
    directory: s.directory,
    i18n: s.i18n,
    log: s.log,
    today: s.today,
    onOfferSaved: s.onOfferSaved,
    onOfferClosed: s.onOfferClosed,
    desk: s.desk,
    impact: s.impact,
  });
}

/** One deliverer per channel the outbox carries. */
function createDeliverers(s: Services, overrides: AppOverrides, teams: TeamsChannel): OutboxWorkerOptions['deliverers'] {
  const token = s.config.TELEGRAM_BOT_TOKEN;
  const interval = overrides.perChatIntervalMs !== undefined ? { perChatIntervalMs: overrides.perChatIntervalMs } : {};
  return {
    teams: teams.deliver,
    // The playground page reads its residents' messages from the outbox itself.
    playground: async () => ({}),
    internal: createInternalDeliverer(s.database.db),
    ...(token ? { telegram: createTelegramDeliverer({ token, apiRoot: s.config.TELEGRAM_API_ROOT, i18n: s.i18n, ...interval }) } : {}),
  };
}

/** Fictional residents and offers for trying it out, into an empty database only. */
async function maybeLoadDemo(s: Services): Promise<void> {
  if (!demoDataWanted(s.config)) return;
  const demo = await loadDemoData(s.database.db, s.matcher, s.today()).catch((error: unknown) => {
    s.log.warn({ err: error }, 'demo data not loaded');
    return null;
  });
  if (demo) s.log.info({ rows: demo.rows, suggestions: demo.suggestions }, 'demo data loaded: fictional residents and offers (DEMO_DATA=off to start empty)');
}

function playgroundRoutes(s: Services): Record<string, Handler> {
  const { database, intake, offers, directory, desk, i18n, log, today, onOfferSaved, impact, background } = s;
  const db = database.db;
  return createPlayground({
    intake,
    offers,
    directory,
    desk,
    i18n,
    log,
    today,
    onOfferSaved,
    settle: () => background.drain(),
    impact,
    recentMatchIds: (states, limit) => recentMatchIds(db, states, limit),
    inbox: (chatId, afterId) => sentToChat(db, 'playground', chatId, afterId),
    demoOrganisation: () => ensureOrganisation(db, DEMO_ORGANISATIONS[0]),
  });
}

export async function startApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const log = overrides.log ?? createLogger(config.LOG_LEVEL);
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, pgliteDump: overrides.pgliteDump });
  log.info({ database: database.kind }, 'database ready and migrated');
  await seedPlaces(database.db);
  const s = createServices(config, overrides, database, log);
  const routes: Record<string, Handler> = {};
  const connected = await connectTelegram(s, overrides, routes).catch(async (error: unknown) => {
    await database.close();
    throw error;
  });
  const teams = connectTeams(s);
  const outbox = createOutboxWorker({ db: database.db, log, maxAttempts: config.OUTBOX_MAX_ATTEMPTS, deliverers: createDeliverers(s, overrides, teams) });
  if (overrides.outbox !== 'manual') outbox.start();
  routes['/api/messages'] = teams.handler;
  const info = createInfoPage(s.i18n);
  for (const path of ['/', '/privacy', '/terms']) routes[path] = info;
  await maybeLoadDemo(s);
  const playground = playgroundEnabled(config);
  if (playground) Object.assign(routes, playgroundRoutes(s));

  const server = createHttpServer({ log, ping: database.ping, routes, status: async () => ({ outbox: await outboxCounts(database.db) }) });
  const host = overrides.host ?? hostOf(config);
  const port = await listen(server, config.PORT, host);
  log.info({ port, host }, 'listening');
  if (playground) log.info(`Playground: http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/`);
  const retention = { inactiveMonths: config.RETENTION_MONTHS, warningDays: config.RETENTION_WARNING_DAYS, freeTextDays: config.FREE_TEXT_DAYS };
  const jobs = createScheduler({ db: database.db, log, jobs: appJobs(database.db, retention) });
  jobs.start();
  // The lexicon is compiled once, now rather than at the first typed answer.
  setImmediate(() => void lexicon()).unref();

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      await jobs.stop();
      if (connected.runner?.isRunning()) await connected.runner.stop();
      await outbox.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await connected.telegram?.drain();
      await s.background.drain();
      await database.close();
      log.info('stopped');
    })());

  return { port, server, database, telegram: connected.telegram, teams, matcher: s.matcher, background: s.background, outbox, jobs, log, stop };
}
