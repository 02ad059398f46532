/**
 * The app process is killed (SIGKILL) in the middle of an outbox batch and started again:
 * every message still reaches Telegram, and once — except one whose answer had already reached
 * the killed process before it could write "sent" (no sender can know it was delivered: that one
 * may go twice, never more, never any other). Needs a database two processes can share,
 * so it runs against PostgreSQL (TEST_DATABASE_URL); the in-process takeover test covers PGlite.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase, rowsOf } from '../../src/db/client.js';
import { enqueue } from '../../src/db/repositories/outbox.js';
import { createTestDatabase } from '../support/db.js';
import { BOT_INFO, TEST_TOKEN } from '../support/fake-bot-api.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const MESSAGES = 30;
const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGKILL')));

/** A Bot API that answers slowly and counts a message only when its answer reached the sender. */
async function slowBotApi(onReceived: (n: number) => void) {
  const delivered = new Map<string, number>();
  let received = 0;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const method = (req.url ?? '').split('/').pop();
      const body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
      const answer = (result: unknown) => {
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(JSON.stringify({ ok: true, result }));
      };
      if (method === 'getMe') return answer(BOT_INFO);
      if (method !== 'sendMessage') return answer(true);
      onReceived(++received);
      setTimeout(() => {
        if (res.destroyed || req.socket.destroyed) return; // the sender is gone: it never learned of this one
        res.on('finish', () => delivered.set(String(body.text), (delivered.get(String(body.text)) ?? 0) + 1));
        answer({ message_id: received, date: 0, chat: { id: Number(body.chat_id), type: 'private' }, text: body.text });
      }, 80);
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { apiRoot: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, delivered, close: () => server.close() };
}

function startApp(databaseUrl: string, apiRoot: string): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: databaseUrl, PORT: '0', LOG_LEVEL: 'silent', TELEGRAM_BOT_TOKEN: TEST_TOKEN, TELEGRAM_MODE: 'webhook', TELEGRAM_WEBHOOK_SECRET: 'crash-test-secret-0123', TELEGRAM_API_ROOT: apiRoot },
    stdio: 'ignore',
  });
  children.push(child);
  return child;
}

describe.skipIf(!process.env.TEST_DATABASE_URL)('outbox across a crash', () => {
  it('delivers each message once after the process is killed mid-batch and restarted, repeating only one answered but not yet recorded', { timeout: 60_000 }, async () => {
    const database = await createTestDatabase();
    const handle = await openDatabase({ url: database.url, migrate: false });
    let first: ChildProcess | undefined;
    let killed!: () => void;
    const wasKilled = new Promise<void>((r) => (killed = r));
    const api = await slowBotApi((n) => {
      if (n === 11 && first) {
        first.kill('SIGKILL'); // while message 11 is on its way
        killed();
      }
    });
    try {
      await handle.db.transaction(async (tx) => {
        for (let i = 0; i < MESSAGES; i++) {
          await enqueue(tx, { channel: 'telegram', kind: 'proposal', dedupeKey: `crash:${i}`, payload: { chatId: String(9000 + i), lang: 'nl', text: { key: 'common.nudge', prefix: `#${i}` } } });
        }
      });
      first = startApp(database.url!, api.apiRoot);
      const exited = new Promise((r) => first!.once('exit', r));
      await wasKilled;
      await exited;
      await new Promise((r) => setTimeout(r, 200));
      expect(api.delivered.size).toBeLessThan(MESSAGES);
      // Answered before the kill, but not recorded as sent: the only ones that may go again.
      const unrecorded = new Set(
        rowsOf<{ key: string }>(await handle.db.execute(sql`select dedupe_key as key from outbox where status <> 'sent'`)).map((r) => r.key.replace('crash:', '#')),
      );
      const mayRepeat = [...api.delivered.keys()].filter((text) => unrecorded.has(/#\d+/.exec(text)?.[0] ?? ''));
      // The claim of the dead process expires (60 s by default), so shorten it for the test.
      await handle.db.execute(sql`update outbox set claimed_until = now() where status = 'sending'`);
      const second = startApp(database.url!, api.apiRoot);
      const deadline = Date.now() + 45_000;
      while (api.delivered.size < MESSAGES && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
      second.kill('SIGTERM');
      expect(api.delivered.size).toBe(MESSAGES);
      const repeated = [...api.delivered].filter(([, n]) => n > 1);
      expect(repeated.filter(([text, n]) => n > 2 || !mayRepeat.includes(text))).toEqual([]);
    } finally {
      api.close();
      await handle.close();
      await database.drop();
    }
  });
});
