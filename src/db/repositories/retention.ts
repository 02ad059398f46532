/**
 * Keeping data no longer than needed: a profile unused for `inactiveMonths` gets one warning
 * ("tap to stay"), and is erased `warningDays` later if nothing happened since; voice notes and
 * free text (own words, matchmakers' notes) are dropped once older than `freeTextDays`.
 * Activity = the last change of the profile or the dialogue (any tap or message).
 * One instance at a time runs it (a PostgreSQL advisory lock), in one transaction.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Database, type Executor } from '../client.js';
import { enqueue } from '../../outbox/outbox.js';
import { erasePerson } from './intake-store.js';

export interface RetentionPolicy {
  /** Months without activity before the warning; 0 = never. */
  readonly inactiveMonths: number;
  /** Days from the warning to erasure. */
  readonly warningDays: number;
  /** Days after which voice notes and free text are dropped; 0 = never. */
  readonly freeTextDays: number;
}

export const DEFAULT_RETENTION: RetentionPolicy = { inactiveMonths: 12, warningDays: 30, freeTextDays: 180 };

export interface RetentionRun {
  readonly warned: number;
  readonly erased: number;
  /** Warned people who were active again: the warning no longer holds. */
  readonly kept: number;
  readonly textsDropped: number;
  /** Another instance was running it. */
  readonly skipped?: true;
}

/** People erased per run at most; the next run takes the rest. */
const BATCH = 500;
const LOCK = sql`hashtext('goesting:retention')`;
const TEXT_PARTS = ['goesting', 'skills', 'needs', 'ambition'] as const;

const lastActive = sql`greatest(p.updated_at, coalesce(d.updated_at, p.updated_at))`;
/** A moment as a parameter both drivers take (postgres.js refuses a Date in raw SQL). */
const at = (date: Date) => sql`${date.toISOString()}::timestamptz`;

async function dropOldText(tx: Executor, cutoff: Date): Promise<number> {
  const items = rowsOf<{ n: number }>(
    await tx.execute(sql`
      with dropped as (
        update profile_items set free_text = null, voice_file_id = null
        where participant_id is not null and created_at < ${at(cutoff)} and (free_text is not null or voice_file_id is not null)
        returning 1)
      select count(*)::int as n from dropped`),
  )[0]!.n;
  // An item that held only words or a voice note is now empty.
  await tx.execute(sql`delete from profile_items where participant_id is not null and categories = '{}' and free_text is null and voice_file_id is null`);
  await tx.execute(sql`update matches set meeting_note = null, dismiss_reason = null where updated_at < ${at(cutoff)} and (meeting_note is not null or dismiss_reason is not null)`);
  // The dialogue keeps the draft of the last intake: its typed words and voice notes go too.
  let data = sql`data`;
  for (const part of TEXT_PARTS) {
    data = sql`jsonb_set(jsonb_set(${data}, ${`{draft,${part},texts}`}::text[], '[]'::jsonb, false), ${`{draft,${part},voices}`}::text[], '[]'::jsonb, false)`;
  }
  await tx.execute(sql`update dialogue_states set data = ${data} where updated_at < ${at(cutoff)}`);
  return items;
}

export async function runRetention(db: Database, policy: RetentionPolicy = DEFAULT_RETENTION, now: Date = new Date()): Promise<RetentionRun> {
  return db.transaction(async (tx) => {
    const [lock] = rowsOf<{ locked: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${LOCK}) as locked`));
    if (!lock?.locked) return { warned: 0, erased: 0, kept: 0, textsDropped: 0, skipped: true };

    const textsDropped = policy.freeTextDays > 0 ? await dropOldText(tx, new Date(now.getTime() - policy.freeTextDays * 86_400_000)) : 0;
    if (policy.inactiveMonths <= 0) return { warned: 0, erased: 0, kept: 0, textsDropped };

    const inactiveSince = new Date(now);
    inactiveSince.setMonth(inactiveSince.getMonth() - policy.inactiveMonths);
    const eraseWarnedBefore = new Date(now.getTime() - policy.warningDays * 86_400_000);

    // Active again after the warning: the warning is void.
    const kept = rowsOf<{ id: string }>(
      await tx.execute(sql`
        update participants set retention_warned_at = null
        where id in (
          select p.id from participants p left join dialogue_states d on d.participant_id = p.id
          where p.retention_warned_at is not null and ${lastActive} > p.retention_warned_at)
        returning id`),
    ).length;

    // Warned long enough ago and silent since: erased everywhere.
    const due = rowsOf<{ id: string }>(
      await tx.execute(sql`
        select p.id from participants p left join dialogue_states d on d.participant_id = p.id
        where p.retention_warned_at is not null and p.retention_warned_at <= ${at(eraseWarnedBefore)}
          and ${lastActive} <= p.retention_warned_at
        limit ${BATCH}`),
    );
    for (const { id } of due) await erasePerson(tx, id);

    // Silent for the whole period and not warned yet: one message, where they can be reached.
    const toWarn = rowsOf<{ id: string; lang: string; channel: string | null; chat_id: string | null }>(
      await tx.execute(sql`
        select p.id, p.language as lang, ci.channel, ci.chat_id from participants p
        left join dialogue_states d on d.participant_id = p.id
        left join lateral (select channel, chat_id from channel_identities where participant_id = p.id order by created_at desc limit 1) ci on true
        where p.retention_warned_at is null and ${lastActive} < ${at(inactiveSince)}
        limit ${BATCH}`),
    );
    for (const p of toWarn) {
      if (p.channel && p.chat_id) {
        await enqueue(tx, {
          channel: p.channel as 'telegram' | 'playground',
          kind: 'retention.warning',
          dedupeKey: `retention:${p.id}:${now.toISOString().slice(0, 10)}`,
          payload: { chatId: p.chat_id, lang: p.lang, text: { key: 'retention.warning', params: { days: policy.warningDays } }, buttons: [[{ text: { key: 'retention.keep' }, data: 'retain:y' }]] },
          participantId: p.id,
        });
      }
      // Set without touching updated_at, so the warning itself is not mistaken for activity.
      await tx.execute(sql`update participants set retention_warned_at = ${at(now)} where id = ${p.id}`);
    }
    return { warned: toWarn.length, erased: due.length, kept, textsDropped };
  });
}
