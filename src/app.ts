/**
 * Wires config → database → services → channels → HTTP, and tears it down in the reverse
 * order. `main.ts` calls it with the environment; tests call it with their own config.
 */
import type { Server } from 'node:http';
import { run, type RunnerHandle } from '@grammyjs/runner';
import type { UserFromGetMe } from 'grammy/types';
import { demoDataWanted, hostOf, matchingConfigFrom, playgroundEnabled, type Config } from './config.js';
import { createPlayground } from './channels/playground/api.js';
import { loadDemoData } from './services/demo.js';
import { impactFigures } from './db/repositories/impact.js';
import type { ImpactPort } from './channels/teams/stats.js';
import { runRetention } from './db/repositories/retention.js';
import { createBackground, type Background } from './background.js';
import { createMatcher, type Matcher } from './core/matching/matcher.js';
import { createMatchingStore } from './db/repositories/matching-store.js';
import { createMatchDesk } from './db/repositories/match-desk.js';
import { createDigestFanOut } from './outbox/digest.js';
import { createReferralFanOut } from './outbox/referral.js';
import { createOutboxWorker, DeliveryError, outboxCounts, type OutboxWorker } from './outbox/outbox.js';
import { createTelegramDeliverer } from './channels/telegram/outbox.js';
import { createIntakeService } from './core/intake-service.js';
import { openDatabase, type DatabaseHandle } from './db/client.js';
import { createIntakeStore, type FloodPolicy } from './db/repositories/intake-store.js';
import { pruneBookkeeping, seedPlaces } from './db/seed.js';
import { createI18n } from './i18n/index.js';
import { createLogger, type Logger } from './logger.js';
import { createTelegramBot, type TelegramBot } from './channels/telegram/bot.js';
import { createWebhookHandler } from './channels/telegram/webhook.js';
import { createHttpServer, listen, type Handler } from './http/server.js';
import { createInfoPage } from './http/pages.js';
import { createTeamsChannel, type TeamsChannel } from './channels/teams/bot.js';
import { createPostgresStorage } from './channels/teams/storage.js';
import { createDirectory, createOfferStore } from './db/repositories/offer-store.js';

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
  readonly log: Logger;
  stop(): Promise<void>;
}

const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query'] as const;

export async function startApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const log = overrides.log ?? createLogger(config.LOG_LEVEL);
  const i18n = createI18n();
  const database = await openDatabase({ url: config.DATABASE_URL, dataDir: config.DATA_DIR, pgliteDump: overrides.pgliteDump });
  log.info({ database: database.kind }, 'database ready and migrated');
  await seedPlaces(database.db);
  const background = createBackground(log);
  const matching = matchingConfigFrom(config);
  const matcher = createMatcher(createMatchingStore(database.db, { digestSeconds: config.NOTIFY_DIGEST_SECONDS }), matching);
  const desk = createMatchDesk(database.db, matching.dismissPenalty);
  const intake = createIntakeService(createIntakeStore(database.db, overrides.flood, { followUpDays: config.FOLLOW_UP_DAYS }), {
    profileConfirmed: async (participantId) => background.run('match participant', () => matcher.matchParticipant(participantId)),
  });
  const routes: Record<string, Handler> = {};
  let telegram: TelegramBot | undefined;
  let runner: RunnerHandle | undefined;

  try {
    if (config.TELEGRAM_BOT_TOKEN) {
      telegram = createTelegramBot({
        token: config.TELEGRAM_BOT_TOKEN,
        apiRoot: config.TELEGRAM_API_ROOT,
        botInfo: overrides.botInfo,
        intake,
        i18n,
        log,
        // One poller per bot token (Telegram's rule), so ordering per user can be kept in it too.
        sequential: config.TELEGRAM_MODE === 'polling',
        ...(overrides.perChatIntervalMs !== undefined ? { perChatIntervalMs: overrides.perChatIntervalMs } : {}),
      });
      await telegram.bot.init();
      if (config.TELEGRAM_MODE === 'webhook') {
        routes['/telegram/webhook'] = createWebhookHandler(telegram.bot, config.TELEGRAM_WEBHOOK_SECRET ?? '', log);
      } else {
        runner = run(telegram.bot, { runner: { fetch: { allowed_updates: [...ALLOWED_UPDATES] } } });
      }
      void telegram.publishCommands();
      log.info({ mode: config.TELEGRAM_MODE, bot: telegram.bot.botInfo.username }, 'Telegram connected');
    } else {
      log.warn('Telegram is not connected. Set TELEGRAM_BOT_TOKEN (from @BotFather) to connect a bot; see README.md.');
    }
  } catch (error) {
    await database.close();
    throw error;
  }

  // Shared by the Teams channel and the playground: the same stores, the same matching after a save.
  const offers = createOfferStore(database.db);
  const directory = createDirectory(database.db);
  const today = overrides.today ?? (() => new Date().toISOString().slice(0, 10));
  const onOfferSaved = (offerId: string) => background.run('match offer', () => matcher.matchOffer(offerId));
  const impact: ImpactPort = (places, range) => impactFigures(database.db, places, range);
  const teams = createTeamsChannel({
    appId: config.MICROSOFT_APP_ID,
    appPassword: config.MICROSOFT_APP_PASSWORD,
    appTenantId: config.MICROSOFT_APP_TENANT_ID,
    storage: createPostgresStorage(database.db),
    offers,
    directory,
    i18n,
    log,
    today,
    onOfferSaved,
    onOfferClosed: (offerId) => background.run('withdraw offer', () => matcher.offerClosed(offerId)),
    desk,
    impact,
  });
  const digest = createDigestFanOut(database.db);
  const referral = createReferralFanOut(database.db);
  const outbox = createOutboxWorker({
    db: database.db,
    log,
    maxAttempts: config.OUTBOX_MAX_ATTEMPTS,
    deliverers: {
      teams: teams.deliver,
      // The playground page reads its residents' messages from the outbox itself.
      playground: async () => ({}),
      internal: (row) =>
        row.kind === 'matchmaker.digest' ? digest(row) : row.kind === 'referral' ? referral(row) : Promise.reject(new DeliveryError(`unknown kind ${row.kind}`, false)),
      ...(config.TELEGRAM_BOT_TOKEN
        ? { telegram: createTelegramDeliverer({ token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, i18n, ...(overrides.perChatIntervalMs !== undefined ? { perChatIntervalMs: overrides.perChatIntervalMs } : {}) }) }
        : {}),
    },
  });
  if (overrides.outbox !== 'manual') outbox.start();
  routes['/api/messages'] = teams.handler;
  const info = createInfoPage(i18n);
  for (const path of ['/', '/privacy', '/terms']) routes[path] = info;
  if (demoDataWanted(config)) {
    const demo = await loadDemoData(database.db, matcher, today()).catch((error: Error) => {
      log.warn({ error: error.message }, 'demo data not loaded');
      return null;
    });
    if (demo) log.info({ rows: demo.rows, suggestions: demo.suggestions }, 'demo data loaded: fictional residents and offers (DEMO_DATA=off to start empty)');
  }
  const playground = playgroundEnabled(config);
  if (playground) {
    Object.assign(routes, createPlayground({ db: database.db, intake, offers, directory, desk, i18n, log, today, onOfferSaved, settle: () => background.drain(), impact }));
  }
  if (!config.MICROSOFT_APP_ID) log.warn('Teams: MICROSOFT_APP_ID is not set, so /api/messages only accepts local requests; see README.md.');

  const server = createHttpServer({ log, ping: database.ping, routes, status: async () => ({ outbox: await outboxCounts(database.db) }) });
  const host = overrides.host ?? hostOf(config);
  const port = await listen(server, config.PORT, host);
  log.info({ port, host }, 'listening');
  if (playground) log.info(`Playground: http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}/`);
  const retention = { inactiveMonths: config.RETENTION_MONTHS, warningDays: config.RETENTION_WARNING_DAYS, freeTextDays: config.FREE_TEXT_DAYS };
  const hourly = async () => {
    await pruneBookkeeping(database.db).catch(() => undefined);
    const run = await runRetention(database.db, retention).catch((error: Error) => log.error({ error: error.message }, 'retention failed'));
    if (run && (run.warned || run.erased || run.textsDropped)) log.info({ warned: run.warned, erased: run.erased, kept: run.kept, textsDropped: run.textsDropped }, 'retention');
  };
  const pruning = setInterval(() => void hourly(), 60 * 60 * 1000);
  pruning.unref();
  const firstRun = setTimeout(() => void hourly(), 60 * 1000);
  firstRun.unref();

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      clearInterval(pruning);
      clearTimeout(firstRun);
      if (runner?.isRunning()) await runner.stop();
      await outbox.stop();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await telegram?.drain();
      await background.drain();
      await database.close();
      log.info('stopped');
    })());

  return { port, server, database, telegram, teams, matcher, background, outbox, log, stop };
}
