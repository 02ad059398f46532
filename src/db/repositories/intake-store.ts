/**
 * What a resident's turn loads and saves: the dialogue state (with a version check), the
 * participant row, the confirmed profile's items; flood-control tokens; the person's lock and
 * the record of processed updates. Ordering, duplicates and flood control are enforced here, in
 * the database, so any number of app instances can share the work.
 */
import { createHash } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { DialogueState, PlaceInfo } from '../../core/dialogue/types.js';
import { loadDialogueState } from '../../core/dialogue/state-schema.js';
import type { FloodVerdict, Identity, StoredState } from '../../core/intake-service.js';
import { profileItemsOf } from '../../core/dialogue/profile-items.js';
import { rowsOf, type Database, type Executor } from '../client.js';
import { channelIdentities, consents, dialogueStates, participants, places, profileItems, rateLimits } from '../schema/index.js';

export class ConcurrentUpdateError extends Error {
  override name = 'ConcurrentUpdateError';
}

export interface FloodPolicy {
  /** Updates allowed at once. */
  readonly burst: number;
  /** Updates per second refilled. */
  readonly perSecond: number;
}
export const DEFAULT_FLOOD_POLICY: FloodPolicy = { burst: 12, perSecond: 2 };

/** A pseudonymous key: flood-control rows never hold the raw Telegram id. */
export function floodKey(identity: Pick<Identity, 'channel' | 'externalId'>): string {
  return createHash('sha256').update(`${identity.channel}:${identity.externalId}`).digest('hex');
}

/**
 * Erases a person everywhere (`/forget`, retention). Whole matches go (the other side must not
 * keep a trace of this person); identities, items, consents, feedback, outbox messages and the
 * dialogue state go with the participant (cascade); flood-control rows of their identities too.
 * Impact events lose the link and stay as anonymous counts (migration 0010).
 */
export async function erasePerson(tx: Executor, participantId: string): Promise<void> {
  const identities = await tx.select({ channel: channelIdentities.channel, externalId: channelIdentities.externalId }).from(channelIdentities).where(eq(channelIdentities.participantId, participantId));
  await tx.execute(sql`delete from matches where id in (select match_id from match_members where participant_id = ${participantId})`);
  await tx.delete(participants).where(eq(participants.id, participantId));
  for (const identity of identities) await tx.delete(rateLimits).where(eq(rateLimits.key, floodKey(identity)));
}

function participantColumnsFrom(state: DialogueState) {
  const d = state.draft;
  return {
    displayName: d.name ?? null,
    neighbourhood: d.neighbourhood ?? null,
    language: state.lang,
    spokenLanguages: d.spoken,
    availability: d.availability,
    sensitiveFlags: d.flags,
    callRequested: state.callRequested,
    paused: state.paused,
    status: state.status,
    confirmedAt: state.confirmedAt ? new Date(state.confirmedAt) : null,
    updatedAt: new Date(),
    placeId: d.placeCode ? sql`(select ${places.id} from ${places} where ${places.code} = ${d.placeCode})` : null,
  };
}

/** Places change rarely (an admin edits them): every instance rereads them after a short while. */
const PLACES_TTL_MS = 30_000;

export function createPlacesCache() {
  let cached: { at: number; value: PlaceInfo[] } | undefined;
  return async (tx: Executor): Promise<PlaceInfo[]> => {
    if (cached && Date.now() - cached.at < PLACES_TTL_MS) return cached.value;
    const value = await tx.select({ code: places.code, name: places.name, contact: places.contact, services: places.services }).from(places).orderBy(places.id);
    cached = { at: Date.now(), value };
    return value;
  };
}

function participantChanged(before: DialogueState, after: DialogueState): boolean {
  const pick = (s: DialogueState) => {
    const { updatedAt: _ignored, placeId: _place, ...rest } = participantColumnsFrom(s);
    return JSON.stringify([rest, s.draft.placeCode]);
  };
  return pick(before) !== pick(after);
}

/** The stored dialogue of this identity, with its version. */
export async function loadState(tx: Executor, identity: Identity): Promise<StoredState | null> {
  const [row] = await tx
    .select({ participantId: dialogueStates.participantId, version: dialogueStates.version, data: dialogueStates.data })
    .from(channelIdentities)
    .innerJoin(dialogueStates, eq(dialogueStates.participantId, channelIdentities.participantId))
    .where(and(eq(channelIdentities.channel, identity.channel), eq(channelIdentities.externalId, identity.externalId)));
  return row ? { participantId: row.participantId, version: row.version, state: loadDialogueState(row.data) } : null;
}

/** The participant, their identity, consents and dialogue state, written at consent. */
export async function createParticipant(tx: Executor, identity: Identity, state: DialogueState, consentMethod: string): Promise<string> {
  const [created] = await tx.insert(participants).values(participantColumnsFrom(state)).returning({ id: participants.id });
  const participantId = created!.id;
  await tx.insert(channelIdentities).values({ participantId, channel: identity.channel, externalId: identity.externalId, chatId: identity.chatId });
  await tx.insert(consents).values([
    { participantId, purpose: 'profile', method: consentMethod },
    { participantId, purpose: 'matchmaker', method: consentMethod },
  ]);
  await tx.insert(dialogueStates).values({ participantId, step: state.step, data: state });
  return participantId;
}

/** Saves the state over the version it was read as (else `ConcurrentUpdateError`), and the participant row when it changed. */
export async function saveState(tx: Executor, stored: StoredState, state: DialogueState): Promise<void> {
  const updated = await tx
    .update(dialogueStates)
    .set({ data: state, step: state.step, version: stored.version + 1, updatedAt: new Date() })
    .where(and(eq(dialogueStates.participantId, stored.participantId), eq(dialogueStates.version, stored.version)))
    .returning({ version: dialogueStates.version });
  if (updated.length === 0) throw new ConcurrentUpdateError('dialogue state changed underneath this turn');
  // Most taps only change the draft; the participant row follows when its columns change.
  if (!participantChanged(stored.state, state)) return;
  await tx.update(participants).set(participantColumnsFrom(state)).where(eq(participants.id, stored.participantId));
}

/** Writes the confirmed profile as items, the shape matching reads. */
export async function writeProfileItems(tx: Executor, participantId: string, state: DialogueState): Promise<void> {
  await tx.delete(profileItems).where(eq(profileItems.participantId, participantId));
  const code = state.draft.placeCode;
  const place = code ? (await tx.select({ id: places.id }).from(places).where(eq(places.code, code)))[0] : undefined;
  const rows = profileItemsOf(state, place ? [place.id] : []).map((item) => ({ ...item, participantId }));
  if (rows.length > 0) await tx.insert(profileItems).values(rows);
}

/** A token bucket per person, shared by all instances. */
export async function takeToken(db: Executor, identity: Identity, policy: FloodPolicy): Promise<FloodVerdict> {
  const result = await db.execute(sql`
    insert into rate_limits (key, tokens, updated_at) values (${floodKey(identity)}, ${policy.burst - 1}, now())
    on conflict (key) do update set
      tokens = greatest(-1, least(${policy.burst}::float8,
        rate_limits.tokens + extract(epoch from now() - rate_limits.updated_at) * ${policy.perSecond}::float8) - 1),
      updated_at = now()
    returning tokens`);
  const tokens = Number(rowsOf<{ tokens: number }>(result)[0]?.tokens ?? 0);
  if (tokens >= 0) return 'ok';
  return tokens > -1 ? 'warn' : 'drop';
}

/**
 * Runs `work` in a transaction holding the person's lock that records `updateId`; returns
 * `undefined` without running it when that update was already processed.
 */
export function inPersonTurn<T>(db: Database, identity: Identity, updateId: number | undefined, work: (tx: Executor) => Promise<T>): Promise<T | undefined> {
  return db.transaction(async (tx) => {
    const lockKey = `${identity.channel}:${identity.externalId}`;
    if (updateId === undefined) {
      await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended(${lockKey}, 0))`);
    } else {
      // One round trip: take the person's lock, then record the update id (or find it done).
      const inserted = await tx.execute(sql`
        with locked as (select pg_advisory_xact_lock(hashtextextended(${lockKey}, 0)))
        insert into processed_updates (channel, update_id)
        select ${identity.channel}, ${updateId}::bigint from locked
        on conflict do nothing
        returning update_id`);
      if (rowsOf(inserted).length === 0) return undefined;
    }
    return work(tx);
  });
}
