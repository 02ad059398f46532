/**
 * A minimal Telegram Bot API server on localhost: getMe, getUpdates, sendMessage,
 * editMessageText, editMessageReplyMarkup, answerCallbackQuery — nothing else (404), like the
 * smallest self-hosted servers. It records every call so tests can read what a user saw.
 */
import { createServer, type Server } from 'node:http';
import type { Update } from 'grammy/types';

export interface ApiCall {
  readonly method: string;
  readonly payload: Record<string, unknown>;
}

export interface SentMessage {
  readonly chatId: number;
  readonly messageId: number;
  text: string;
  buttons: { text: string; data: string }[][];
}

export const TEST_TOKEN = '123456:TEST-token-for-the-fake-bot-api';
export const BOT_INFO = {
  id: 123456,
  is_bot: true as const,
  first_name: 'Goesting',
  username: 'goesting_test_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

type Buttons = { text: string; callback_data: string }[][];

export async function startFakeBotApi(options: { failFirst?: Record<string, number> } = {}) {
  const calls: ApiCall[] = [];
  const messages = new Map<number, SentMessage>();
  const queue: Update[] = [];
  const waiters: (() => void)[] = [];
  const failures = { ...(options.failFirst ?? {}) };
  const scripted: Record<string, { status: number; retryAfter?: number }[]> = {};
  let nextMessageId = 1000;
  let offsetSeen = 0;

  const result = (res: import('node:http').ServerResponse, status: number, body: unknown) => {
    res.writeHead(status, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };

  const handlers: Record<string, (p: Record<string, unknown>) => unknown> = {
    getMe: () => BOT_INFO,
    sendMessage: (p) => {
      const markup = p.reply_markup as { inline_keyboard?: Buttons } | undefined;
      const message: SentMessage = {
        chatId: Number(p.chat_id),
        messageId: nextMessageId++,
        text: String(p.text),
        buttons: (markup?.inline_keyboard ?? []).map((row) => row.map((b) => ({ text: b.text, data: b.callback_data }))),
      };
      messages.set(message.messageId, message);
      return { message_id: message.messageId, date: 0, chat: { id: message.chatId, type: 'private' }, text: message.text };
    },
    editMessageText: (p) => {
      const m = messages.get(Number(p.message_id));
      if (!m) return undefined;
      m.text = String(p.text);
      const markup = p.reply_markup as { inline_keyboard?: Buttons } | undefined;
      m.buttons = (markup?.inline_keyboard ?? []).map((row) => row.map((b) => ({ text: b.text, data: b.callback_data })));
      return true;
    },
    editMessageReplyMarkup: (p) => {
      const m = messages.get(Number(p.message_id));
      if (!m) return undefined;
      const markup = p.reply_markup as { inline_keyboard?: Buttons } | undefined;
      m.buttons = (markup?.inline_keyboard ?? []).map((row) => row.map((b) => ({ text: b.text, data: b.callback_data })));
      return true;
    },
    answerCallbackQuery: () => true,
  };

  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const method = (req.url ?? '').split('/').pop() ?? '';
      let payload: Record<string, unknown> = {};
      try {
        const body = Buffer.concat(chunks).toString('utf8');
        payload = body ? (JSON.parse(body) as Record<string, unknown>) : {};
      } catch {
        return result(res, 400, { ok: false, error_code: 400, description: 'Bad Request: invalid JSON' });
      }
      if (method === 'getUpdates') return getUpdates(payload, res);
      calls.push({ method, payload });
      const next = scripted[method]?.shift();
      if (next) {
        const description = next.status === 429 ? `Too Many Requests: retry after ${next.retryAfter ?? 1}` : 'Internal Server Error';
        return result(res, next.status, { ok: false, error_code: next.status, description, ...(next.status === 429 ? { parameters: { retry_after: next.retryAfter ?? 1 } } : {}) });
      }
      if ((failures[method] ?? 0) > 0) {
        failures[method]!--;
        return result(res, 429, { ok: false, error_code: 429, description: 'Too Many Requests: retry after 1', parameters: { retry_after: 1 } });
      }
      const handler = handlers[method];
      if (!handler) return result(res, 404, { ok: false, error_code: 404, description: 'Not Found: method not found' });
      const value = handler(payload);
      if (value === undefined) return result(res, 400, { ok: false, error_code: 400, description: 'Bad Request: message to edit not found' });
      result(res, 200, { ok: true, result: value });
    });
  });

  function getUpdates(payload: Record<string, unknown>, res: import('node:http').ServerResponse) {
    const offset = Number(payload.offset ?? 0);
    offsetSeen = Math.max(offsetSeen, offset);
    while (queue.length > 0 && queue[0]!.update_id < offset) queue.shift();
    const answer = () => result(res, 200, { ok: true, result: queue.filter((u) => u.update_id >= offset).slice(0, 100) });
    if (queue.some((u) => u.update_id >= offset)) return answer();
    const timer = setTimeout(answer, Math.min(Number(payload.timeout ?? 0), 1) * 1000);
    waiters.push(() => {
      clearTimeout(timer);
      answer();
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as import('node:net').AddressInfo;

  return {
    apiRoot: `http://127.0.0.1:${address.port}`,
    calls,
    messages,
    /** Messages sent to one chat, in order. */
    chat(chatId: number): SentMessage[] {
      return [...messages.values()].filter((m) => m.chatId === chatId);
    },
    /** The next calls of `method` fail with these answers (429 with retry_after, 500…). */
    failNext(method: string, answers: { status: number; retryAfter?: number }[]) {
      scripted[method] = [...(scripted[method] ?? []), ...answers];
    },
    /** Queues an update for getUpdates (polling mode). */
    push(update: Update) {
      queue.push(update);
      for (const w of waiters.splice(0)) w();
    },
    get offset() {
      return offsetSeen;
    },
    async close() {
      for (const w of waiters.splice(0)) w();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeBotApi = Awaited<ReturnType<typeof startFakeBotApi>>;
