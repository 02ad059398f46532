/**
 * The outbox table: messages written with the caller's transaction, claimed by workers with
 * FOR UPDATE SKIP LOCKED (on one instance or many, on PostgreSQL or PGlite), then marked sent,
 * retried later or failed.
 */
import { sql } from 'drizzle-orm';
import type { NewOutboxMessage, OutboxPort, OutboxRow, ResidentMessage } from '../../core/outbox/messages.js';
import { rowsOf, type Executor } from '../client.js';
import { outbox } from '../schema/index.js';

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

/** The outbox port of one transaction. */
export const outboxOf = (tx: Executor): OutboxPort => ({ enqueue: (message) => enqueue(tx, message) });

/** Claims due messages (and ones whose claim ran out), oldest first. */
export async function claimDue(db: Executor, batchSize: number, claimSeconds: number): Promise<OutboxRow[]> {
  const result = await db.execute(sql`
    update outbox set status = 'sending', attempts = attempts + 1, claimed_until = now() + make_interval(secs => ${claimSeconds})
    where id in (
      select id from outbox
      where (status = 'pending' and next_attempt_at <= now()) or (status = 'sending' and claimed_until < now())
      order by id limit ${batchSize} for update skip locked)
    returning id, channel, kind, payload, attempts, participant_id as "participantId", match_id as "matchId"`);
  return rowsOf<OutboxRow>(result)
    .map((r) => ({ ...r, id: Number(r.id) }))
    .sort((a, b) => a.id - b.id);
}

export async function markSent(db: Executor, id: number, result: unknown): Promise<void> {
  await db.execute(sql`update outbox set status = 'sent', sent_at = now(), claimed_until = null, last_error = null,
    result = ${JSON.stringify(result ?? null)}::jsonb where id = ${id}`);
}

/** After a failed try: back to pending in `delaySec`, or failed for good. */
export async function markFailed(db: Executor, id: number, failure: { error: string; giveUp: boolean; delaySec: number }): Promise<void> {
  await db.execute(sql`update outbox set status = ${failure.giveUp ? 'failed' : 'pending'}, last_error = ${failure.error.slice(0, 500)},
    next_attempt_at = now() + make_interval(secs => ${failure.delaySec}), claimed_until = null where id = ${id}`);
}

/** Counts per status, for /healthz and the operators. */
export async function outboxCounts(db: Executor): Promise<Record<string, number>> {
  const rows = rowsOf<{ status: string; n: number }>(await db.execute(sql`select status, count(*)::int as n from outbox group by status`));
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

/** A resident's messages of one channel that were delivered, after `afterId` (the playground's inbox). */
export async function sentToChat(db: Executor, channel: 'playground', chatId: string, afterId: number): Promise<{ id: number; payload: ResidentMessage }[]> {
  const rows = rowsOf<{ id: number; payload: ResidentMessage }>(
    await db.execute(sql`select id, payload from outbox where channel = ${channel} and id > ${afterId} and status = 'sent' and payload->>'chatId' = ${chatId} order by id`),
  );
  return rows.map((r) => ({ id: Number(r.id), payload: r.payload }));
}
