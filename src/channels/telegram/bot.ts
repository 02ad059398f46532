/**
 * The resident's Telegram front door (grammY). Updates become dialogue inputs for the intake
 * service; its outputs are rendered back. All state is in PostgreSQL, none in this process.
 */
import { Bot } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { apiThrottler } from '@grammyjs/transformer-throttler';
import type { i18n as I18n } from 'i18next';
import { COMMANDS } from '../../core/dialogue/commands.js';
import { UI_LANGUAGES } from '../../core/taxonomy/categories.js';
import type { IntakeService } from '../../core/intake-service.js';
import { translator } from '../../i18n/index.js';
import type { Logger } from '../../logger.js';
import { createChatQueue } from './render.js';
import { createTurnRunner, errorBoundary, residentFeatures } from './turns.js';

export interface TelegramOptions {
  readonly token: string;
  readonly apiRoot?: string | undefined;
  /** Known bot identity: skips getMe (tests). */
  readonly botInfo?: UserFromGetMe | undefined;
  readonly intake: IntakeService;
  readonly i18n: I18n;
  readonly log: Logger;
  /** Minimum milliseconds between two sends to one chat. */
  readonly perChatIntervalMs?: number;
  /** Long polling runs updates concurrently: keep each user's in order in this (only) poller. */
  readonly sequential?: boolean;
}

export function createTelegramBot(options: TelegramOptions) {
  const { i18n, log } = options;
  const bot = new Bot(options.token, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: { ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}), timeoutSeconds: 30 },
  });
  bot.api.config.use(apiThrottler({ out: { maxConcurrent: 1, minTime: options.perChatIntervalMs ?? 500 } }));
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60 }));
  const deps = { intake: options.intake, i18n, log, queue: createChatQueue(log) };

  if (options.sequential) bot.use(sequentialize((ctx) => ctx.from?.id.toString()));
  bot.use(errorBoundary(deps));
  bot.use(...residentFeatures(createTurnRunner(deps)));

  return {
    bot,
    /** Waits until every queued reply is sent. */
    drain: () => deps.queue.drain(),
    /** The command menu in every language; best-effort, a minimal Bot API may not have it. */
    async publishCommands(): Promise<void> {
      for (const lang of UI_LANGUAGES) {
        const tr = translator(i18n, lang);
        const commands = COMMANDS.map((command) => ({ command, description: tr({ key: `commands.${command}` }) }));
        try {
          await bot.api.setMyCommands(commands, { language_code: lang });
        } catch (error) {
          log.warn({ err: error, lang }, 'setMyCommands failed (not fatal)');
        }
      }
    },
  };
}

export type TelegramBot = ReturnType<typeof createTelegramBot>;
