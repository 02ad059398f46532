/** What retention reads and changes; the rules are in core/retention.ts, the run in services. */
import { sql } from 'drizzle-orm';
import type { DialogueState } from '../../core/dialogue/types.js';
import { rowsOf, timestamptz, type Executor } from '../client.js';

const LOCK = sql`hashtext('goesting:retention')`;
const lastActive = sql`greatest(p.updated_at, coalesce(d.updated_at, p.updated_at))`;
const count = async (tx: Executor, query: ReturnType<typeof sql>) => Number(rowsOf<{ n: number }>(await tx.execute(query))[0]?.n ?? 0);

/** One instance at a time: false when another holds the lock (for this transaction). */
export async function tryRetentionLock(tx: Executor): Promise<boolean> {
  const [lock] = rowsOf<{ locked: boolean }>(await tx.execute(sql`select pg_try_advisory_xact_lock(${LOCK}) as locked`));
  return lock?.locked === true;
}

/** Typed words and voice notes of residents' items older than `before`; returns how many items lost some. */
export async function dropItemText(tx: Executor, before: Date): Promise<number> {
  const dropped = await count(
    tx,
    sql`with dropped as (
        update profile_items set free_text = null, voice_file_id = null
        where participant_id is not null and created_at < ${timestamptz(before)} and (free_text is not null or voice_file_id is not null)
        returning 1)
      select count(*)::int as n from dropped`,
  );
  // An item that held only words or a voice note is now empty.
  await tx.execute(sql`delete from profile_items where participant_id is not null and categories = '{}' and free_text is null and voice_file_id is null`);
  return dropped;
}

/** Matchmakers' notes on matches unchanged since `before`. */
export async function dropMatchNotes(tx: Executor, before: Date): Promise<void> {
  await tx.execute(sql`update matches set meeting_note = null, dismiss_reason = null where updated_at < ${timestamptz(before)} and (meeting_note is not null or dismiss_reason is not null)`);
}

const HAS_TEXT = sql.raw(
  ['goesting', 'skills', 'needs', 'ambition']
    .flatMap((part) => [`{draft,${part},texts}`, `{draft,${part},voices}`])
    .map((path) => `jsonb_array_length(coalesce(data #> '${path}', '[]'::jsonb)) > 0`)
    .join(' or '),
);

/** Dialogue states untouched since `before` that still hold typed words or voice notes. */
export async function statesWithText(tx: Executor, before: Date, limit: number): Promise<{ participantId: string; version: number; data: unknown }[]> {
  const rows = rowsOf<{ participant_id: string; version: number; data: unknown }>(
    await tx.execute(sql`select participant_id, version, data from dialogue_states where updated_at < ${timestamptz(before)} and (${HAS_TEXT}) limit ${limit}`),
  );
  return rows.map((r) => ({ participantId: r.participant_id, version: Number(r.version), data: r.data }));
}

/**
 * Saves a state changed by retention over the version it was read as, without touching
 * `updated_at` (it is not the person's activity); false when a turn changed it meanwhile.
 */
export async function saveStateQuietly(tx: Executor, participantId: string, version: number, state: DialogueState): Promise<boolean> {
  const rows = rowsOf(
    await tx.execute(sql`update dialogue_states set data = ${JSON.stringify(state)}::jsonb, version = version + 1
      where participant_id = ${participantId} and version = ${version} returning 1`),
  );
  return rows.length > 0;
}

/** Warned people active again since their warning: the warning is void. */
export async function voidAnsweredWarnings(tx: Executor): Promise<number> {
  const rows = rowsOf(
    await tx.execute(sql`
      update participants set retention_warned_at = null
      where id in (
        select p.id from participants p left join dialogue_states d on d.participant_id = p.id
        where p.retention_warned_at is not null and ${lastActive} > p.retention_warned_at)
      returning id`),
  );
  return rows.length;
}

/** Warned at or before `warnedBefore` and silent since. */
export async function silentSinceWarning(tx: Executor, warnedBefore: Date, limit: number): Promise<string[]> {
  const rows = rowsOf<{ id: string }>(
    await tx.execute(sql`
      select p.id from participants p left join dialogue_states d on d.participant_id = p.id
      where p.retention_warned_at is not null and p.retention_warned_at <= ${timestamptz(warnedBefore)}
        and ${lastActive} <= p.retention_warned_at
      limit ${limit}`),
  );
  return rows.map((r) => r.id);
}

/** Silent since before `inactiveBefore` and not warned yet, with where they can be reached. */
export async function dueForWarning(tx: Executor, inactiveBefore: Date, limit: number) {
  return rowsOf<{ id: string; lang: string; channel: 'telegram' | 'playground' | null; chat_id: string | null }>(
    await tx.execute(sql`
      select p.id, p.language as lang, ci.channel, ci.chat_id from participants p
      left join dialogue_states d on d.participant_id = p.id
      left join lateral (select channel, chat_id from channel_identities where participant_id = p.id order by created_at desc limit 1) ci on true
      where p.retention_warned_at is null and ${lastActive} < ${timestamptz(inactiveBefore)}
      limit ${limit}`),
  );
}

/** Set without touching updated_at, so the warning itself is not mistaken for activity. */
export async function markWarned(tx: Executor, participantId: string, now: Date): Promise<void> {
  await tx.execute(sql`update participants set retention_warned_at = ${timestamptz(now)} where id = ${participantId}`);
}
