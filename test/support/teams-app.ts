/**
 * The real app with its `/api/messages` endpoint and a local Bot Connector; Teams users post
 * real activity shapes (messages, Action.Execute and Action.Submit, conversation and
 * installation updates).
 */
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import { startApp, type App } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { matchmakers, organisations, organisationTenants, places } from '../../src/db/schema/index.js';
import { createTestDatabase } from './db.js';
import { startFakeBotConnector, type FakeBotConnector } from './fake-bot-connector.js';

export const TENANT = '11111111-2222-4333-8444-555555555555';
export const OTHER_TENANT = '99999999-2222-4333-8444-555555555555';
export const BOT_ID = '28:goesting-bot';

export interface TeamsHarness {
  readonly app: App;
  readonly connector: FakeBotConnector;
  readonly base: string;
  post(activity: Record<string, unknown>, headers?: Record<string, string>): Promise<Response>;
  stop(): Promise<void>;
}

export async function startTeamsHarness(env: Record<string, string> = {}): Promise<TeamsHarness> {
  const connector = await startFakeBotConnector();
  const database = await createTestDatabase();
  const config = loadConfig({ DATABASE_URL: database.url, PORT: '0', LOG_LEVEL: 'silent', DEMO_DATA: 'off', ...env });
  const app = await startApp(config, {
    ...(database.dump ? { pgliteDump: database.dump } : {}),
    host: '127.0.0.1',
    today: () => '2026-11-27',
  });
  const base = `http://127.0.0.1:${app.port}`;
  return {
    app,
    connector,
    base,
    async post(activity, headers = {}) {
      const res = await fetch(`${base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
      await app.background.drain();
      return res;
    },
    async stop() {
      await app.stop();
      await connector.close();
      await database.drop();
    },
  };
}

/** Registers an organisation posting from `tenant`, and a matchmaker of `place`. */
export async function register(app: App, options: { tenant?: string; matchmakerAad?: string; place?: string }) {
  const db = app.database.db;
  if (options.tenant) {
    const [org] = await db.insert(organisations).values({ code: `org-${options.tenant.slice(0, 4)}`, name: 'VDAB Lier' }).returning();
    await db.insert(organisationTenants).values({ tenantId: options.tenant, organisationId: org!.id });
  }
  if (options.matchmakerAad) {
    const [place] = await db.select().from(places).where(eq(places.code, options.place ?? 'lier'));
    await db.insert(matchmakers).values({ aadObjectId: options.matchmakerAad, placeId: place!.id, name: 'Els' });
  }
}

/** A person in Teams who sends real activity shapes. */
export class TeamsUser {
  readonly aadObjectId = randomUUID();
  readonly conversationId = `a:personal-${randomUUID()}`;
  constructor(
    private readonly h: TeamsHarness,
    readonly name: string,
    readonly tenant: string = TENANT,
    readonly locale = 'nl-BE',
  ) {}

  activity(extra: Record<string, unknown>): Record<string, unknown> {
    return {
      id: `${Date.now()}${Math.floor(Math.random() * 1000)}`,
      timestamp: new Date().toISOString(),
      serviceUrl: this.h.connector.serviceUrl,
      channelId: 'msteams',
      from: { id: `29:${this.aadObjectId}`, name: this.name, aadObjectId: this.aadObjectId },
      conversation: { conversationType: 'personal', tenantId: this.tenant, id: this.conversationId },
      recipient: { id: BOT_ID, name: 'Goesting' },
      locale: this.locale,
      channelData: { tenant: { id: this.tenant } },
      ...extra,
    };
  }

  say(text: string) {
    return this.h.post(this.activity({ type: 'message', text, textFormat: 'plain' }));
  }

  /** Action.Execute: the refreshed card comes back in the HTTP response body. */
  async execute(verb: string, data: Record<string, unknown> = {}): Promise<Record<string, unknown>> {
    const res = await this.h.post(this.activity({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb, data: { verb, ...data } }, trigger: 'manual' } }));
    const body = (await res.json()) as { statusCode: number; type: string; value: Record<string, unknown> };
    if (res.status !== 200 || body.statusCode !== 200) throw new Error(`invoke answered ${res.status}: ${JSON.stringify(body)}`);
    return body.value;
  }

  /** Action.Submit: the bot answers with a new message. */
  submit(verb: string, data: Record<string, unknown> = {}) {
    return this.h.post(this.activity({ type: 'message', value: { verb, ...data } }));
  }

  get cards() {
    return this.h.connector.cards(this.conversationId);
  }
}

/** All text of a card, to look for what a user would read. */
export function cardTextOf(card: unknown): string {
  const out: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) {
        if ((k === 'text' || k === 'title' || k === 'label') && typeof v === 'string') out.push(v);
        else walk(v);
      }
    }
  };
  walk(card);
  return out.join('\n');
}

/** The value an input of a card currently holds. */
export function inputValue(card: unknown, id: string): unknown {
  let found: unknown;
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (node && typeof node === 'object') {
      const o = node as Record<string, unknown>;
      if (o.id === id && typeof o.type === 'string' && o.type.startsWith('Input.')) found = o.value;
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}
