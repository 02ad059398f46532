/**
 * The retention run: one warning after `inactiveMonths` of silence ("tap to stay"), erasure
 * `warningDays` later if nothing happened since; voice notes and typed words dropped once older
 * than `freeTextDays`. One instance at a time (an advisory lock), in one transaction.
 */
import { cutoffs, DEFAULT_RETENTION, retentionWarning, warningKey, withoutFreeText, type RetentionPolicy } from '../core/retention.js';
import { loadDialogueState } from '../core/dialogue/state-schema.js';
import type { Database, Executor } from '../db/client.js';
import { erasePerson } from '../db/repositories/intake-store.js';
import { outboxOf } from '../db/repositories/outbox.js';
import * as repo from '../db/repositories/retention.js';

export type { RetentionPolicy };

export interface RetentionRun {
  readonly warned: number;
  readonly erased: number;
  /** Warned people who were active again: the warning no longer holds. */
  readonly kept: number;
  readonly textsDropped: number;
  /** Another instance was running it. */
  readonly skipped?: true;
}

/** People (and dialogue states) handled per run at most; the next run takes the rest. */
const BATCH = 500;

async function dropOldText(tx: Executor, before: Date): Promise<number> {
  const items = await repo.dropItemText(tx, before);
  await repo.dropMatchNotes(tx, before);
  // Read through the dialogue's own loader: a state of an older version is upgraded on the way.
  for (const s of await repo.statesWithText(tx, before, BATCH)) await repo.saveStateQuietly(tx, s.participantId, s.version, withoutFreeText(loadDialogueState(s.data)));
  return items;
}

async function warn(tx: Executor, inactiveBefore: Date, policy: RetentionPolicy, now: Date): Promise<number> {
  const people = await repo.dueForWarning(tx, inactiveBefore, BATCH);
  for (const p of people) {
    if (p.channel && p.chat_id) {
      const payload = { chatId: p.chat_id, lang: p.lang, ...retentionWarning(policy) };
      await outboxOf(tx).enqueue({ channel: p.channel, kind: 'retention.warning', dedupeKey: warningKey(p.id, now), payload, participantId: p.id });
    }
    await repo.markWarned(tx, p.id, now);
  }
  return people.length;
}

export async function runRetention(db: Database, policy: RetentionPolicy = DEFAULT_RETENTION, now: Date = new Date()): Promise<RetentionRun> {
  return db.transaction(async (tx) => {
    if (!(await repo.tryRetentionLock(tx))) return { warned: 0, erased: 0, kept: 0, textsDropped: 0, skipped: true };
    const when = cutoffs(now, policy);
    const textsDropped = when.freeTextBefore ? await dropOldText(tx, when.freeTextBefore) : 0;
    if (!when.inactiveBefore) return { warned: 0, erased: 0, kept: 0, textsDropped };
    // Active again after the warning: the warning is void.
    const kept = await repo.voidAnsweredWarnings(tx);
    // Warned long enough ago and silent since: erased everywhere.
    const due = await repo.silentSinceWarning(tx, when.eraseWarnedBefore, BATCH);
    for (const id of due) await erasePerson(tx, id);
    // Silent for the whole period and not warned yet: one message, where they can be reached.
    const warned = await warn(tx, when.inactiveBefore, policy, now);
    return { warned, erased: due.length, kept, textsDropped };
  });
}
