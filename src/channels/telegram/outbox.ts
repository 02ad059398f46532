/**
 * Delivers outbox messages to Telegram (proposals, "how to meet", follow-ups, …). Retries are the
 * outbox's job: a 429 comes back with Telegram's `retry_after`, 5xx and network errors are
 * retried with backoff, anything else (blocked bot, bad chat) gives up at once.
 */
import { Api, GrammyError, HttpError } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import { apiThrottler } from '@grammyjs/transformer-throttler';
import type { i18n as I18n } from 'i18next';
import { DeliveryError, type HandlerMap, type ResidentMessage } from '../../core/outbox/messages.js';
import { translator } from '../../i18n/index.js';
import { byKind, type Deliverer } from '../../services/outbox/worker.js';

export function createTelegramDeliverer(options: { token: string; apiRoot?: string | undefined; i18n: I18n; perChatIntervalMs?: number }): Deliverer {
  const api = new Api(options.token, options.apiRoot ? { apiRoot: options.apiRoot } : {});
  // Telegram's limits: about 30 messages a second overall, about one a second per chat.
  api.config.use(apiThrottler({ out: { maxConcurrent: 1, minTime: options.perChatIntervalMs ?? 1000 } }));

  async function send(message: ResidentMessage): Promise<unknown> {
    const tr = translator(options.i18n, message.lang);
    const reply_markup: InlineKeyboardMarkup | undefined = message.buttons?.length
      ? { inline_keyboard: message.buttons.map((r) => r.map((b) => ({ text: tr(b.text).slice(0, 64), callback_data: b.data }))) }
      : undefined;
    try {
      const sent = await api.sendMessage(message.chatId, tr(message.text).slice(0, 4096), reply_markup ? { reply_markup } : {});
      return { messageId: sent.message_id };
    } catch (error) {
      if (error instanceof GrammyError) {
        const retryable = error.error_code === 429 || error.error_code >= 500;
        throw new DeliveryError(`Telegram ${error.error_code}: ${error.description}`, retryable, error.parameters?.retry_after);
      }
      if (error instanceof HttpError) throw new DeliveryError(`Telegram unreachable: ${error.message}`, true);
      throw error;
    }
  }

  // Every kind a resident gets is one message with its buttons.
  const handlers: HandlerMap<'telegram'> = {
    proposal: (row) => send(row.payload),
    still: (row) => send(row.payload),
    accepted: (row) => send(row.payload),
    followup: (row) => send(row.payload),
    'retention.warning': (row) => send(row.payload),
  };
  return byKind(handlers);
}
