/**
 * The resident's Telegram front door (grammY). Updates become dialogue inputs for the intake
 * service; its outputs are rendered back. All state is in PostgreSQL, none in this process.
 */
import { Bot, Composer, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import { autoRetry } from '@grammyjs/auto-retry';
import { sequentialize } from '@grammyjs/runner';
import { apiThrottler } from '@grammyjs/transformer-throttler';
import type { i18n as I18n } from 'i18next';
import { COMMANDS } from '../../core/dialogue/commands.js';
import { hintLanguage } from '../../core/dialogue/consent.js';
import type { Input } from '../../core/dialogue/types.js';
import { UI_LANGUAGES } from '../../core/taxonomy/categories.js';
import type { Identity, IntakeService } from '../../core/intake-service.js';
import { translator } from '../../i18n/index.js';
import type { Logger } from '../../logger.js';
import { inputOf } from './inputs.js';
import { createChatQueue, deliver, deliveryOf } from './render.js';

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

function identityOf(ctx: Context): Identity | undefined {
  const from = ctx.from;
  const chat = ctx.chat ?? ctx.callbackQuery?.message?.chat;
  if (!from || from.is_bot || (chat && chat.type !== 'private')) return undefined;
  return { channel: 'telegram', externalId: String(from.id), chatId: String(chat?.id ?? from.id) };
}

export function createTelegramBot(options: TelegramOptions) {
  const { intake, i18n, log } = options;
  const bot = new Bot(options.token, {
    ...(options.botInfo ? { botInfo: options.botInfo } : {}),
    client: { ...(options.apiRoot ? { apiRoot: options.apiRoot } : {}), timeoutSeconds: 30 },
  });
  bot.api.config.use(apiThrottler({ out: { maxConcurrent: 1, minTime: options.perChatIntervalMs ?? 500 } }));
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60 }));
  const queue = createChatQueue(log);

  async function runTurn(ctx: Context, input: Input) {
    const identity = identityOf(ctx);
    const to = deliveryOf(ctx);
    if (!identity || !to) return;
    const outcome = await intake.handle(identity, ctx.update.update_id, input, {
      profileName: ctx.from?.first_name,
      languageHint: ctx.from?.language_code,
    });
    if (outcome.kind === 'duplicate') return;
    if (outcome.kind === 'flooded') {
      if (!outcome.warn) return;
      const tr = translator(i18n, hintLanguage({ now: new Date(), places: [], languageHint: outcome.lang }));
      void queue.push(to.chatId, () => deliver(ctx.api, to, [{ type: 'message', text: { key: 'common.slowDown' } }], tr, log));
      return;
    }
    const tr = translator(i18n, outcome.turn.lang);
    // Replies go out after the turn is committed; the chat queue keeps them in order.
    void queue.push(to.chatId, () => deliver(ctx.api, to, outcome.turn.outputs, tr, log));
  }

  const errorBoundary = new Composer<Context>();
  errorBoundary.use(async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      log.error({ err: (error as Error).message, kind: (error as Error).name, update: ctx.update.update_id }, 'turn failed');
      const to = deliveryOf(ctx);
      if (!to || !identityOf(ctx)) return;
      const tr = translator(i18n, hintLanguage({ now: new Date(), places: [], languageHint: ctx.from?.language_code }));
      void queue.push(to.chatId, () => deliver(ctx.api, to, [{ type: 'message', text: { key: 'common.error' } }], tr, log));
    }
  });

  const buttons = new Composer<Context>();
  buttons.on('callback_query', (ctx) => runTurn(ctx, inputOf(ctx)));

  const messages = new Composer<Context>();
  messages.on(['message:text', 'message:voice'], (ctx) => runTurn(ctx, inputOf(ctx)));

  // Last: stickers, photos, locations, edited messages… get a kind nudge back to the buttons.
  const fallback = new Composer<Context>();
  fallback.on(['message', 'edited_message'], (ctx) => runTurn(ctx, { type: 'unsupported' }));

  if (options.sequential) bot.use(sequentialize((ctx) => ctx.from?.id.toString()));
  bot.use(errorBoundary);
  bot.use(buttons, messages, fallback);

  return {
    bot,
    /** Waits until every queued reply is sent. */
    drain: () => queue.drain(),
    /** The command menu in every language; best-effort, a minimal Bot API may not have it. */
    async publishCommands(): Promise<void> {
      for (const lang of UI_LANGUAGES) {
        const tr = translator(i18n, lang);
        const commands = COMMANDS.map((command) => ({ command, description: tr({ key: `commands.${command}` }) }));
        try {
          await bot.api.setMyCommands(commands, { language_code: lang });
        } catch (error) {
          log.warn({ err: (error as Error).message, lang }, 'setMyCommands failed (not fatal)');
        }
      }
    },
  };
}

export type TelegramBot = ReturnType<typeof createTelegramBot>;
