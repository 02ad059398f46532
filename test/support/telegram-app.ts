/**
 * Starts the real app (HTTP server, grammY, database) against the fake Bot API, and plays
 * residents who type, tap buttons by their visible label and send voice notes.
 */
import { startApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createI18n, translator } from '../../src/i18n/index.js';
import { createTestDatabase } from './db.js';
import { BOT_INFO, startFakeBotApi, TEST_TOKEN, type FakeBotApi, type SentMessage } from './fake-bot-api.js';

export const SECRET = 'test-secret-0123456789';
const i18n = createI18n();

/** The text a resident sees for a locale key, e.g. `label('ar', 'consent.yes')`. */
export function label(lang: string, key: string): string {
  return translator(i18n, lang)({ key });
}

/** A whole rendered message, e.g. `render('nl', 'summary.saved', { place: 'Lier' })`. */
export function render(lang: string, key: string, params: Record<string, string> = {}): string {
  const raw = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, { raw: v }]));
  return translator(i18n, lang)({ key, params: raw });
}

export interface Harness {
  readonly app: App;
  readonly api: FakeBotApi;
  readonly base: string;
  /** POSTs one update to the webhook and waits until the replies are sent. */
  post(update: unknown, headers?: Record<string, string>): Promise<Response>;
  user(id: number, firstName: string, languageCode?: string): Resident;
  stop(): Promise<void>;
}

let updateId = 1;
let messageId = 1;

export async function startHarness(
  mode: 'webhook' | 'polling' = 'webhook',
  flood?: { burst: number; perSecond: number },
  extra: { outbox?: 'manual'; env?: Record<string, string> } = {},
): Promise<Harness> {
  const api = await startFakeBotApi();
  const database = await createTestDatabase();
  const config = loadConfig({
    TELEGRAM_BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_MODE: mode,
    TELEGRAM_WEBHOOK_SECRET: SECRET,
    TELEGRAM_API_ROOT: api.apiRoot,
    DATABASE_URL: database.url,
    PORT: '0',
    LOG_LEVEL: 'silent',
    DEMO_DATA: 'off',
    ...(extra.env ?? {}),
  });
  const app = await startApp(config, {
    botInfo: BOT_INFO,
    ...(database.dump ? { pgliteDump: database.dump } : {}),
    perChatIntervalMs: 0,
    host: '127.0.0.1',
    // Tests tap faster than any person; flood control gets its own test with the real policy.
    flood: flood ?? { burst: 10_000, perSecond: 10_000 },
    ...(extra.outbox ? { outbox: extra.outbox } : {}),
    today: () => '2026-11-27',
  });
  const base = `http://127.0.0.1:${app.port}`;
  const harness: Harness = {
    app,
    api,
    base,
    async post(update, headers = { 'x-telegram-bot-api-secret-token': SECRET }) {
      const res = await fetch(`${base}/telegram/webhook`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: typeof update === 'string' ? update : JSON.stringify(update),
      });
      await app.telegram?.drain();
      await app.background.drain();
      return res;
    },
    user: (id, firstName, languageCode) => new Resident(harness, id, firstName, languageCode),
    async stop() {
      await app.stop();
      await api.close();
      await database.drop();
    },
  };
  return harness;
}

export class Resident {
  constructor(
    private readonly h: Harness,
    readonly id: number,
    readonly firstName: string,
    readonly languageCode?: string,
  ) {}

  get from() {
    return { id: this.id, is_bot: false, first_name: this.firstName, ...(this.languageCode ? { language_code: this.languageCode } : {}) };
  }

  get chat() {
    return { id: this.id, type: 'private' as const, first_name: this.firstName };
  }

  messageUpdate(extra: Record<string, unknown>) {
    return { update_id: updateId++, message: { message_id: messageId++, date: Math.floor(Date.now() / 1000), chat: this.chat, from: this.from, ...extra } };
  }

  send(text: string) {
    return this.h.post(this.messageUpdate({ text }));
  }

  voice(fileId: string, caption?: string) {
    return this.h.post(this.messageUpdate({ voice: { file_id: fileId, file_unique_id: `u-${fileId}`, duration: 5 }, ...(caption ? { caption } : {}) }));
  }

  /** Everything the bot sent to this resident, in order. */
  get messages(): SentMessage[] {
    return this.h.api.chat(this.id);
  }

  get last(): SentMessage {
    const all = this.messages;
    return all[all.length - 1]!;
  }

  callbackUpdate(message: SentMessage, data: string) {
    return {
      update_id: updateId++,
      callback_query: {
        id: `cb-${updateId}`,
        from: this.from,
        chat_instance: 'ci',
        data,
        message: { message_id: message.messageId, date: 0, chat: { id: message.chatId, type: 'private' }, text: message.text },
      },
    };
  }

  /** Taps the newest button whose label contains `text`, as a person would. */
  async tap(text: string): Promise<Response> {
    for (const message of [...this.messages].reverse()) {
      const button = message.buttons.flat().find((b) => b.text.includes(text));
      if (button) return this.h.post(this.callbackUpdate(message, button.data));
    }
    throw new Error(`no button "${text}" in: ${JSON.stringify(this.messages.slice(-2))}`);
  }
}
