/**
 * The dialogue's outputs → Telegram calls. Sends of one chat are queued so they arrive in
 * order; toggles edit the keyboard in place; every tapped button gets its answer.
 */
import type { Api, Context, RawApi } from 'grammy';
import type { InlineKeyboardMarkup } from 'grammy/types';
import type { Button, Output } from '../../core/dialogue/types.js';
import type { Translate } from '../../i18n/index.js';
import type { Logger } from '../../logger.js';

const MAX_MESSAGE = 4096;

function markup(buttons: Button[][] | undefined, tr: Translate): InlineKeyboardMarkup {
  return { inline_keyboard: (buttons ?? []).map((row) => row.map((b) => ({ text: tr(b.text).slice(0, 64), callback_data: b.data }))) };
}

export interface Delivery {
  readonly chatId: number;
  readonly callbackQueryId?: string | undefined;
  /** The message whose button was tapped, when it is in this chat. */
  readonly messageId?: number | undefined;
}

export function deliveryOf(ctx: Context): Delivery | undefined {
  const chatId = ctx.chat?.id ?? ctx.from?.id;
  if (chatId === undefined) return undefined;
  const callback = ctx.callbackQuery;
  const message = callback?.message;
  return {
    chatId,
    callbackQueryId: callback?.id,
    messageId: message && message.chat.id === chatId ? message.message_id : undefined,
  };
}

function isNotModified(error: unknown): boolean {
  return error instanceof Error && /message is not modified/i.test(error.message);
}

async function sendOne(api: Api<RawApi>, to: Delivery, output: Output & { type: 'message' }, tr: Translate, log: Logger) {
  const text = tr(output.text).slice(0, MAX_MESSAGE);
  const reply_markup = markup(output.buttons, tr);
  if (output.edit && to.messageId !== undefined) {
    try {
      if (output.edit === 'markup') await api.editMessageReplyMarkup(to.chatId, to.messageId, { reply_markup });
      else await api.editMessageText(to.chatId, to.messageId, text, { reply_markup });
      return;
    } catch (error) {
      if (isNotModified(error)) return;
      log.warn({ err: error }, 'edit failed; sending a new message');
    }
  }
  if (!text) return;
  await api.sendMessage(to.chatId, text, output.buttons?.length ? { reply_markup } : {});
}

/** Delivers one turn's outputs; answers the tapped button exactly once. */
export async function deliver(api: Api<RawApi>, to: Delivery, outputs: readonly Output[], tr: Translate, log: Logger) {
  let answered = false;
  const answer = async (text?: string) => {
    if (answered || !to.callbackQueryId) return;
    answered = true;
    await api.answerCallbackQuery(to.callbackQueryId, text ? { text: text.slice(0, 200) } : {}).catch((error: unknown) => {
      log.warn({ err: error }, 'answerCallbackQuery failed');
    });
  };
  for (const output of outputs) {
    if (output.type === 'toast') await answer(tr(output.text));
    else await sendOne(api, to, output, tr, log);
  }
  await answer();
}

/** Keeps each chat's sends in order while other chats go on in parallel. */
export function createChatQueue(log: Logger) {
  const tails = new Map<number, Promise<void>>();
  return {
    push(chatId: number, job: () => Promise<void>): Promise<void> {
      const previous = tails.get(chatId) ?? Promise.resolve();
      const next = previous.then(job).catch((error: unknown) => {
        log.error({ err: error }, 'sending to Telegram failed');
      });
      tails.set(chatId, next);
      void next.then(() => {
        if (tails.get(chatId) === next) tails.delete(chatId);
      });
      return next;
    },
    /** Resolves when everything queued so far is sent (graceful shutdown, tests). */
    async drain(): Promise<void> {
      while (tails.size > 0) await Promise.all([...tails.values()]);
    },
  };
}
