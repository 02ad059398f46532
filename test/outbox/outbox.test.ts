/**
 * The outbox guarantees, on PGlite and PostgreSQL: written with its cause or not at all,
 * retried with backoff, given up visibly, delivered once by competing workers, and taken over
 * after a worker died in the middle of a batch.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/db/client.js';
import { DeliveryError, type NewOutboxMessage, type OutboxRow } from '../../src/core/outbox/messages.js';
import { enqueue, outboxCounts } from '../../src/db/repositories/outbox.js';
import { createOutboxWorker } from '../../src/services/outbox/worker.js';
import { createLogger } from '../../src/logger.js';
import { openSecondHandle, openTestDatabase, type TestDatabase } from '../support/db.js';

let test: TestDatabase;
let second: Awaited<ReturnType<typeof openSecondHandle>>;
const log = createLogger('silent');
const db = () => test.handle.db;

beforeAll(async () => {
  test = await openTestDatabase();
  second = await openSecondHandle(test);
});
afterAll(async () => {
  await second.close();
  await test.close();
});
beforeEach(async () => {
  await db().execute(sql`delete from outbox`);
});

// A message of a kind no channel knows: the worker's guarantees do not depend on the kind.
const message = (n: number) => ({ channel: 'internal', kind: 'test', dedupeKey: `test:${n}`, payload: { n } }) as unknown as NewOutboxMessage;

describe('outbox', () => {
  it('is written with its cause, once per dedupe key, or not at all', async () => {
    await db().transaction(async (tx) => {
      await enqueue(tx, message(1));
      await enqueue(tx, message(1));
    });
    await expect(
      db().transaction(async (tx) => {
        await enqueue(tx, message(2));
        throw new Error('the cause failed');
      }),
    ).rejects.toThrow('the cause failed');
    expect(await outboxCounts(db())).toEqual({ pending: 1 });
  });

  it('retries 429 (after retry_after) and 500, then delivers exactly once', async () => {
    await enqueue(db(), message(1));
    const answers = [new DeliveryError('429 Too Many Requests', true, 0), new DeliveryError('500 Internal Server Error', true, 0)];
    let delivered = 0;
    const worker = createOutboxWorker({
      db: db(),
      log,
      deliverers: {
        internal: async () => {
          const next = answers.shift();
          if (next) throw next;
          delivered++;
          return { ok: true };
        },
      },
    });
    await worker.drain();
    expect(delivered).toBe(1);
    expect(rowsOf<{ attempts: number }>(await db().execute(sql`select attempts from outbox`))[0]?.attempts).toBe(3);
    expect(await outboxCounts(db())).toEqual({ sent: 1 });
  });

  it('waits as long as retry_after says before trying again', async () => {
    await enqueue(db(), message(1));
    let calls = 0;
    const worker = createOutboxWorker({ db: db(), log, deliverers: { internal: async () => { calls++; throw new DeliveryError('429', true, 30); } } });
    await worker.drain();
    await worker.drain();
    expect(calls).toBe(1);
    expect(await outboxCounts(db())).toEqual({ pending: 1 });
  });

  it('gives up after the configured number of tries, visibly', async () => {
    await enqueue(db(), message(1));
    await enqueue(db(), message(2));
    const worker = createOutboxWorker({
      db: db(),
      log,
      maxAttempts: 3,
      deliverers: {
        internal: async (row) => {
          if ((row.payload as unknown as { n: number }).n === 2) throw new DeliveryError('403 Forbidden: bot was blocked by the user', false);
          throw new DeliveryError('500', true, 0);
        },
      },
    });
    await worker.drain();
    expect(await outboxCounts(db())).toEqual({ failed: 2 });
    const rows = rowsOf<{ attempts: number }>(await db().execute(sql`select attempts from outbox order by id`));
    expect(rows.map((r) => r.attempts)).toEqual([3, 1]);
  });

  it('two workers deliver each message once', async () => {
    for (let n = 0; n < 60; n++) await enqueue(db(), message(n));
    const seen: number[] = [];
    const deliverer = async (row: OutboxRow) => {
      await new Promise((r) => setTimeout(r, 1));
      seen.push((row.payload as unknown as { n: number }).n);
    };
    const a = createOutboxWorker({ db: db(), log, batchSize: 7, deliverers: { internal: deliverer } });
    const b = createOutboxWorker({ db: second.handle.db, log, batchSize: 7, deliverers: { internal: deliverer } });
    await Promise.all([a.drain(), b.drain()]);
    expect(seen.sort((x, y) => x - y)).toEqual(Array.from({ length: 60 }, (_, i) => i));
  });

  it('a worker that dies in the middle of a batch: its messages are taken over, each delivered once', async () => {
    for (let n = 0; n < 5; n++) await enqueue(db(), message(n));
    const delivered: number[] = [];
    // Worker A delivers two messages, then hangs forever on the third (as if killed mid-batch).
    const dying = createOutboxWorker({
      db: db(),
      log,
      claimSeconds: 1,
      deliverers: {
        internal: (row) => {
          const n = (row.payload as unknown as { n: number }).n;
          if (n >= 2) return new Promise(() => undefined);
          delivered.push(n);
          return Promise.resolve();
        },
      },
    });
    void dying.runOnce();
    await new Promise((r) => setTimeout(r, 100));
    const takeover = createOutboxWorker({ db: second.handle.db, log, deliverers: { internal: async (row) => void delivered.push((row.payload as unknown as { n: number }).n) } });
    await takeover.drain();
    expect(delivered).toEqual([0, 1]); // the claim of the dead worker still holds
    await new Promise((r) => setTimeout(r, 1200));
    await takeover.drain();
    expect(delivered).toEqual([0, 1, 2, 3, 4]);
    expect(await outboxCounts(db())).toEqual({ sent: 5 });
  });
});
