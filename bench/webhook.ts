/**
 * Webhook throughput and latency with full persistence on PostgreSQL, next to a bare grammY
 * webhook bot in the same run. Prints figures; asserts nothing.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:webhook
 *
 * Goal (issue 2): ≥ 50 % of bare grammY's updates/s; p99 ≤ 50 ms at 200 updates/s.
 */
import { createServer, type Server } from 'node:http';
import { Bot, webhookCallback } from 'grammy';
import postgres from 'postgres';
import { startApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { BOT_INFO, startFakeBotApi, TEST_TOKEN } from '../test/support/fake-bot-api.js';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SECRET = 'bench-secret-0123456789';
const USERS = Number(process.env.BENCH_USERS ?? 200);
const RATE = Number(process.env.BENCH_RATE ?? 200);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const CATEGORIES = ['cooking', 'baking', 'sewing', 'gardening', 'music', 'football'];

let updateId = 1;
const user = (id: number) => ({ id, is_bot: false, first_name: `U${id}`, language_code: 'nl' });
const text = (id: number, body: string) => ({
  update_id: updateId++,
  message: { message_id: updateId, date: 0, chat: { id, type: 'private' }, from: user(id), text: body },
});
const tap = (id: number, data: string, messageId = 1) => ({
  update_id: updateId++,
  callback_query: { id: `q${updateId}`, from: user(id), chat_instance: 'b', data, message: { message_id: messageId, date: 0, chat: { id, type: 'private' } } },
});

async function post(url: string, update: unknown): Promise<number> {
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': SECRET }, body: JSON.stringify(update) });
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`webhook answered ${res.status}`);
  return performance.now() - started;
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;

/** Open loop: `RATE` updates/s for `SECONDS`, each user at most one in flight. */
async function fixedRate(url: string, next: (i: number) => unknown) {
  const total = RATE * SECONDS;
  const latencies: number[] = [];
  const started = performance.now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    inflight.push(post(url, next(i)).then((ms) => void latencies.push(ms)));
  }
  await Promise.all(inflight);
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), seconds: (performance.now() - started) / 1000 };
}

/** Closed loop: `CONCURRENCY` users as fast as the server answers. */
async function maxThroughput(url: string, next: (worker: number, i: number) => unknown, total = 3000) {
  let done = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async (_, worker) => {
      for (let i = 0; done < total; i++) {
        done++;
        await post(url, next(worker, i));
      }
    }),
  );
  return total / ((performance.now() - started) / 1000);
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve((server.address() as { port: number }).port)));
}

async function main() {
  const admin = postgres(SERVER, { max: 1, onnotice: () => undefined });
  const name = `goesting_bench_${process.pid}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  const api = await startFakeBotApi();
  const config = loadConfig({
    DATABASE_URL: url.toString(), PORT: '0', LOG_LEVEL: 'silent', TELEGRAM_BOT_TOKEN: TEST_TOKEN,
    TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_SECRET: SECRET, TELEGRAM_API_ROOT: api.apiRoot,
  });
  const app = await startApp(config, { botInfo: BOT_INFO, perChatIntervalMs: 0, host: '127.0.0.1', flood: { burst: 1e6, perSecond: 1e6 } });
  const goesting = `http://127.0.0.1:${app.port}/telegram/webhook`;

  const bare = new Bot(TEST_TOKEN, { botInfo: BOT_INFO, client: { apiRoot: api.apiRoot } });
  bare.on('message', (ctx) => ctx.reply('hi'));
  bare.on('callback_query', (ctx) => ctx.answerCallbackQuery());
  const bareHandler = webhookCallback(bare, 'http', { secretToken: SECRET });
  const bareServer = createServer((req, res) => void bareHandler(req, res));
  const bareUrl = `http://127.0.0.1:${await listen(bareServer)}/`;

  try {
    // Every benchmark user consents and reaches the goesting picker first (not measured).
    const base = 5_000_000;
    const ids = Array.from({ length: Math.max(USERS, CONCURRENCY) }, (_, i) => base + i);
    await Promise.all(ids.map(async (id) => {
      for (const u of [text(id, '/start lier'), tap(id, 'lang:nl:lier'), tap(id, 'cons:y:nl:lier'), text(id, `Bench ${id}`), tap(id, 'place:y'), tap(id, 'neighbourhood:skip')]) {
        await post(goesting, u);
      }
    }));
    await app.telegram?.drain();
    const picker = new Map(ids.map((id) => [id, api.chat(id).at(-1)?.messageId ?? 1]));
    const toggle = (id: number, i: number) => tap(id, `goesting:t:${CATEGORIES[i % CATEGORIES.length]}`, picker.get(id));

    const rate = await fixedRate(goesting, (i) => toggle(ids[i % USERS]!, Math.floor(i / USERS)));
    const bareRate = await fixedRate(bareUrl, (i) => toggle(ids[i % USERS]!, i));
    const ours = await maxThroughput(goesting, (w, i) => toggle(ids[w]!, i));
    const theirs = await maxThroughput(bareUrl, (w, i) => toggle(ids[w]!, i));
    await app.telegram?.drain();

    const fmt = (n: number) => n.toFixed(1);
    console.log(`database: PostgreSQL (${SERVER.replace(/\/\/[^@]*@/, '//')}), users: ${USERS}, fixed rate ${RATE}/s for ${SECONDS}s, concurrency ${CONCURRENCY}`);
    console.log(`goesting  @${RATE}/s: p50 ${fmt(rate.p50)} ms, p99 ${fmt(rate.p99)} ms   (goal p99 ≤ 50 ms)`);
    console.log(`bare grammY @${RATE}/s: p50 ${fmt(bareRate.p50)} ms, p99 ${fmt(bareRate.p99)} ms`);
    console.log(`max throughput: goesting ${fmt(ours)} updates/s, bare grammY ${fmt(theirs)} updates/s, ratio ${fmt((100 * ours) / theirs)} %   (goal ≥ 50 %)`);
  } finally {
    await app.stop();
    bareServer.close();
    await api.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
