/**
 * The outbox worker: claims due messages and hands each to its channel's deliverer. Delivery is
 * at least once per claim and marked sent right after it; failures come back with backoff (or
 * after the channel's `retry_after`) until they are given up, visibly.
 */
import { DeliveryError, type HandlerMap, type OutboxChannel, type OutboxRow } from '../../core/outbox/messages.js';
import type { Database } from '../../db/client.js';
import { claimDue, markFailed, markSent } from '../../db/repositories/outbox.js';
import type { Logger } from '../../logger.js';

export type Deliverer = (row: OutboxRow) => Promise<unknown>;

/** A channel's deliverer from its handler map: one function per kind, unknown kinds given up. */
export function byKind<C extends OutboxChannel>(handlers: HandlerMap<C>): Deliverer {
  return async (row) => {
    const handler = (handlers as unknown as Record<string, ((row: OutboxRow) => Promise<unknown>) | undefined>)[row.kind];
    if (!handler) throw new DeliveryError(`no handler for ${row.channel} ${row.kind}`, false);
    return handler(row);
  };
}

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

function asDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  return new DeliveryError(error instanceof Error ? error.message : String(error), true);
}

export function createOutboxWorker(options: OutboxWorkerOptions) {
  const { db, log } = options;
  const batchSize = options.batchSize ?? 20;
  const maxAttempts = options.maxAttempts ?? 8;
  const claimSeconds = options.claimSeconds ?? 60;

  async function settle(row: OutboxRow, error: unknown): Promise<void> {
    const failure = asDeliveryError(error);
    const giveUp = !failure.retryable || row.attempts >= maxAttempts;
    const delaySec = failure.retryAfterSec ?? backoffSeconds(row.attempts);
    await markFailed(db, row.id, { error: failure.message, giveUp, delaySec });
    const fields = { outbox: row.id, kind: row.kind, attempts: row.attempts };
    if (giveUp) log.warn({ ...fields, err: failure.message }, 'outbox message failed for good');
    else log.info({ ...fields, retryInSec: delaySec }, 'outbox delivery will be retried');
  }

  async function deliver(row: OutboxRow): Promise<void> {
    const deliverer = options.deliverers[row.channel];
    try {
      if (!deliverer) throw new DeliveryError(`no deliverer for ${row.channel}`, true);
      await markSent(db, row.id, (await deliverer(row)) ?? null);
    } catch (error) {
      await settle(row, error);
    }
  }

  let timer: NodeJS.Timeout | undefined;
  let running: Promise<number> | undefined;
  let stopped = false;

  /** Claims and delivers one batch; returns how many messages it handled. */
  async function runOnce(): Promise<number> {
    const rows = await claimDue(db, batchSize, claimSeconds);
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
      running = runOnce().catch((error: unknown) => {
        log.error({ err: error }, 'outbox batch failed');
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
