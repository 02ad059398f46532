/**
 * The durable outbox: messages are enqueued inside the transaction of their cause and delivered
 * by workers that claim them with FOR UPDATE SKIP LOCKED — on one instance or many, on
 * PostgreSQL or PGlite. Delivery is at least once per claim and marked sent right after it.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type Executor } from '../db/client.js';
import { outbox } from '../db/schema/index.js';
import type { Logger } from '../logger.js';

export type OutboxChannel = 'telegram' | 'teams' | 'internal' | 'playground';

export interface NewOutboxMessage {
  readonly channel: OutboxChannel;
  readonly kind: string;
  readonly dedupeKey: string;
  readonly payload: unknown;
  readonly participantId?: string | null | undefined;
  readonly matchId?: string | null | undefined;
  readonly notBefore?: Date | undefined;
}

export interface OutboxRow {
  readonly id: number;
  readonly channel: OutboxChannel;
  readonly kind: string;
  readonly payload: unknown;
  readonly attempts: number;
  readonly participantId: string | null;
  readonly matchId: string | null;
}

/** A failed delivery: `retryable` ones come back later (after `retryAfterSec` when given). */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
  constructor(message: string, readonly retryable: boolean, readonly retryAfterSec?: number) {
    super(message);
  }
}

/** Writes a message with the caller's transaction; the same dedupe key is written once. */
export async function enqueue(tx: Executor, message: NewOutboxMessage): Promise<void> {
  await tx
    .insert(outbox)
    .values({
      channel: message.channel,
      kind: message.kind,
      dedupeKey: message.dedupeKey,
      payload: message.payload,
      participantId: message.participantId ?? null,
      matchId: message.matchId ?? null,
      ...(message.notBefore ? { nextAttemptAt: message.notBefore } : {}),
    })
    .onConflictDoNothing({ target: outbox.dedupeKey });
}

export type Deliverer = (row: OutboxRow) => Promise<unknown>;

export interface OutboxWorkerOptions {
  readonly db: Database;
  readonly deliverers: Partial<Record<OutboxChannel, Deliverer>>;
  readonly log: Logger;
  readonly batchSize?: number;
  /** After this many tries a message is marked failed (and logged) instead of retried. */
  readonly maxAttempts?: number;
  /** A claim not finished within this time is taken over by another worker. */
  readonly claimSeconds?: number;
  readonly pollMs?: number;
}

/** Exponential backoff: 1, 2, 4, 8 … seconds, at most an hour. */
export const backoffSeconds = (attempt: number) => Math.min(3600, 2 ** Math.max(0, attempt - 1));

export function createOutboxWorker(options: OutboxWorkerOptions) {
  const { db, log } = options;
  const batchSize = options.batchSize ?? 20;
  const maxAttempts = options.maxAttempts ?? 8;
  const claimSeconds = options.claimSeconds ?? 60;

  async function claim(): Promise<OutboxRow[]> {
    const result = await db.execute(sql`
      update outbox set status = 'sending', attempts = attempts + 1, claimed_until = now() + make_interval(secs => ${claimSeconds})
      where id in (
        select id from outbox
        where (status = 'pending' and next_attempt_at <= now()) or (status = 'sending' and claimed_until < now())
        order by id limit ${batchSize} for update skip locked)
      returning id, channel, kind, payload, attempts, participant_id as "participantId", match_id as "matchId"`);
    return rowsOf<OutboxRow>(result).map((r) => ({ ...r, id: Number(r.id) })).sort((a, b) => a.id - b.id);
  }

  async function settle(row: OutboxRow, error: unknown): Promise<void> {
    const failure = error instanceof DeliveryError ? error : new DeliveryError((error as Error)?.message ?? String(error), true);
    const giveUp = !failure.retryable || row.attempts >= maxAttempts;
    const delay = failure.retryAfterSec ?? backoffSeconds(row.attempts);
    await db.execute(sql`update outbox set status = ${giveUp ? 'failed' : 'pending'}, last_error = ${failure.message.slice(0, 500)},
      next_attempt_at = now() + make_interval(secs => ${delay}), claimed_until = null where id = ${row.id}`);
    if (giveUp) log.warn({ outbox: row.id, kind: row.kind, attempts: row.attempts, err: failure.message }, 'outbox message failed for good');
    else log.info({ outbox: row.id, kind: row.kind, attempts: row.attempts, retryInSec: delay }, 'outbox delivery will be retried');
  }

  async function deliver(row: OutboxRow): Promise<void> {
    const deliverer = options.deliverers[row.channel];
    try {
      if (!deliverer) throw new DeliveryError(`no deliverer for ${row.channel}`, true);
      const result = (await deliverer(row)) ?? null;
      await db.execute(sql`update outbox set status = 'sent', sent_at = now(), claimed_until = null, last_error = null,
        result = ${JSON.stringify(result)}::jsonb where id = ${row.id}`);
    } catch (error) {
      await settle(row, error);
    }
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  /** Claims and delivers one batch; returns how many messages it handled. */
  async function runOnce(): Promise<number> {
    const rows = await claim();
    for (const row of rows) await deliver(row);
    return rows.length;
  }

  /** Delivers until nothing is due (tests, and draining at shutdown). */
  async function drain(): Promise<void> {
    while ((await runOnce()) > 0) {
      // keep going
    }
  }

  function schedule(): void {
    if (stopped) return;
    timer = setTimeout(() => {
      running = runOnce().catch((error: Error) => {
        log.error({ err: error.message }, 'outbox batch failed');
        return 0;
      });
      void running.then(() => schedule());
    }, options.pollMs ?? 1000);
    timer.unref();
  }

  return {
    runOnce,
    drain,
    start: () => {
      stopped = false;
      schedule();
    },
    /** Stops polling and waits for the batch in hand. */
    async stop(): Promise<void> {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}

export type OutboxWorker = ReturnType<typeof createOutboxWorker>;

/** Counts per status, for /healthz and the operators. */
export async function outboxCounts(db: Database): Promise<Record<string, number>> {
  const rows = rowsOf<{ status: string; n: number }>(await db.execute(sql`select status, count(*)::int as n from outbox group by status`));
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}
