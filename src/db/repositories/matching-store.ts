/**
 * PostgreSQL side of matching: candidates come from `profile_item_keys` (one row per
 * kind:place:category key of an item, newest first per key), never from a scan; suggestions are
 * upserted by pair key so they are never duplicated, and pairs stay away for the cooling period.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { MatchingStore } from '../../core/matching/matcher.js';
import type { PlannedMatch } from '../../core/matching/plan.js';
import type { Side, SideItem } from '../../core/matching/side.js';
import { digestWindow, type NotifyPolicy } from '../../core/matching/digest.js';
import { enqueue } from './outbox.js';
import { pgArray, rowsOf, type Database, type Executor } from '../client.js';
import { matchFeedback, matches, matchMembers, offers, places } from '../schema/index.js';

const OPEN_STATES = sql`state in ('suggested', 'snoozed', 'introduced', 'accepted')`;

interface OwnerRow {
  id: string;
  placeIds: number[];
  neighbourhood: string | null;
  languages: string[];
  availability: string[];
  offerType: string | null;
  title: string | null;
  updatedAt: Date;
}

/** Each owner's live items and "not a fit" penalties, as JSON columns of the same row (one round trip). */
function ownedSql(column: 'participant_id' | 'offer_id', owner: string) {
  const col = sql.raw(column);
  const id = sql.raw(`${owner}.id`);
  return sql`coalesce((select json_agg(json_build_object('id', i.id, 'kind', i.kind, 'categories', i.categories)) from profile_items i
      where i.${col} = ${id} and (i.valid_until is null or i.valid_until > now())), '[]'::json) as items,
    coalesce((select json_object_agg(f.category, f.total) from (select category, sum(penalty)::float8 as total from match_feedback
      where ${col} = ${id} group by category) f), '{}'::json) as penalties`;
}

type OwnedRow = OwnerRow & { items: SideItem[] | string; penalties: Record<string, number> | string };
const parsed = <T>(v: T | string): T => (typeof v === 'string' ? (JSON.parse(v) as T) : v);

/** Residents who may be matched: active, not paused, consenting to the matchmaker. */
async function residents(db: Executor, ids: string[]): Promise<Side[]> {
  if (ids.length === 0) return [];
  const owners = rowsOf<OwnedRow>(
    await db.execute(sql`select p.id, case when p.place_id is null then '{}'::int[] else array[p.place_id] end as "placeIds",
        p.neighbourhood, p.spoken_languages as languages, p.availability, null as "offerType", null as title, p.updated_at as "updatedAt",
        ${ownedSql('participant_id', 'p')}
      from participants p
      where p.id = any(${pgArray(ids)}::uuid[]) and p.status = 'active' and not p.paused
        and exists (select 1 from consents c where c.participant_id = p.id and c.purpose = 'matchmaker' and c.withdrawn_at is null)`),
  );
  return owners.map((o) => toSide(`p:${o.id}`, { participantId: o.id }, o, parsed(o.items), parsed(o.penalties)));
}

/** Offers that may be matched: open and not expired. */
async function openOffers(db: Executor, ids: string[]): Promise<Side[]> {
  if (ids.length === 0) return [];
  const owners = rowsOf<OwnedRow>(
    await db.execute(sql`select o.id, coalesce((select array_agg(pl.id) from places pl where pl.code = any(o.place_codes)), '{}') as "placeIds",
        null as neighbourhood, o.languages, '{}'::text[] as availability, o.type as "offerType", o.title, o.updated_at as "updatedAt",
        ${ownedSql('offer_id', 'o')}
      from offers o where o.id = any(${pgArray(ids)}::uuid[]) and o.status = 'open' and (o.ends_on is null or o.ends_on >= current_date)`),
  );
  return owners.map((o) => toSide(`o:${o.id}`, { offerId: o.id }, o, parsed(o.items), parsed(o.penalties)));
}

function toSide(key: string, ids: { participantId?: string; offerId?: string }, o: OwnerRow, items: SideItem[], penalties: Record<string, number>): Side {
  return {
    key,
    ...ids,
    placeIds: (o.placeIds ?? []).map(Number),
    neighbourhood: o.neighbourhood,
    languages: o.languages ?? [],
    availability: o.availability ?? [],
    offerType: o.offerType ?? undefined,
    title: o.title ?? undefined,
    items,
    updatedAt: new Date(o.updatedAt),
    penalties,
  };
}

export type { NotifyPolicy };

/** One digest per place and window, written with the suggestions it announces. */
async function notifyLater(tx: Executor, placeId: number, firstMatchId: string, policy: NotifyPolicy): Promise<void> {
  const { bucket, notBefore } = digestWindow(new Date(), policy, firstMatchId);
  await enqueue(tx, { channel: 'internal', kind: 'matchmaker.digest', dedupeKey: `digest:${placeId}:${bucket}`, payload: { placeId }, notBefore });
}

/**
 * Saves a run's suggestions in one statement (data-modifying CTEs): skip pairs still cooling,
 * upsert the rest by pair key (never a duplicate), replace their members; then announce new ones.
 */
async function saveAll(tx: Executor, plans: readonly PlannedMatch[], coolingDays: number, policy: NotifyPolicy): Promise<number> {
  const rows = plans.map((p) => ({ kind: p.kind, place_id: p.placeId, pair_key: p.pairKey, score: p.score, reasons: p.reasons, needs_interpreter: p.needsInterpreter }));
  const members = plans.flatMap((p) =>
    p.members.map((m) => ({ pair_key: p.pairKey, participant_id: m.participantId ?? null, offer_id: m.offerId ?? null, item_id: m.itemId ?? null, role: m.role })),
  );
  const saved = rowsOf<{ id: string; pair_key: string; inserted: boolean; place_id: number | null }>(
    await tx.execute(sql`
      with input as (
        select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb)
          as x(kind text, place_id int, pair_key text, score float8, reasons jsonb, needs_interpreter boolean)
        where not exists (select 1 from matches c where c.pair_key = x.pair_key
          and c.state not in ('suggested', 'snoozed', 'introduced', 'accepted') and c.created_at > now() - make_interval(days => ${coolingDays}))
      ), saved as (
        insert into matches (kind, place_id, pair_key, score, reasons, needs_interpreter)
        select kind, place_id, pair_key, score, reasons, needs_interpreter from input
        on conflict (pair_key) where ${OPEN_STATES}
        do update set score = excluded.score, reasons = excluded.reasons, needs_interpreter = excluded.needs_interpreter, updated_at = now()
        returning id, pair_key, (xmax = 0) as inserted, place_id
      ), cleared as (
        delete from match_members where match_id in (select id from saved)
      ), added as (
        insert into match_members (match_id, participant_id, offer_id, item_id, role)
        select s.id, m.participant_id, m.offer_id, m.item_id, m.role
        from jsonb_to_recordset(${JSON.stringify(members)}::jsonb) as m(pair_key text, participant_id uuid, offer_id uuid, item_id uuid, role text)
        join saved s on s.pair_key = m.pair_key
      )
      select id, pair_key, inserted, place_id from saved`),
  );
  const firstNewByPlace = new Map<number, string>();
  for (const r of saved) if (r.inserted && r.place_id !== null && !firstNewByPlace.has(Number(r.place_id))) firstNewByPlace.set(Number(r.place_id), r.id);
  for (const [placeId, id] of firstNewByPlace) await notifyLater(tx, placeId, id, policy);
  return saved.length;
}

export function createMatchingStore(db: Database, policy: NotifyPolicy = { digestSeconds: 0 }): MatchingStore {
  return {
    async side(key) {
      const [kind, id] = key.split(':') as [string, string];
      const found = kind === 'p' ? await residents(db, [id]) : await openOffers(db, [id]);
      return found[0] ?? null;
    },
    async candidates(keys, limit) {
      // Enough per key to fill the limit twice over, whatever the number of keys.
      const perKey = Math.max(10, Math.ceil((limit * 2) / Math.max(1, keys.length)));
      // Per key, the newest few from the (key, created_at desc) index: cost does not grow with the population.
      const owners = rowsOf<{ participant_id: string | null; offer_id: string | null }>(
        await db.execute(sql`select x.participant_id, x.offer_id from unnest(${pgArray(keys)}::text[]) as k(key)
          cross join lateral (
            select participant_id, offer_id, created_at from profile_item_keys pk
            where pk.key = k.key and (pk.valid_until is null or pk.valid_until > now())
            order by pk.created_at desc limit ${perKey}) x
          order by x.created_at desc limit ${limit * 2}`),
      );
      const people = [...new Set(owners.flatMap((o) => (o.participant_id ? [o.participant_id] : [])))].slice(0, limit);
      const offerIds = [...new Set(owners.flatMap((o) => (o.offer_id ? [o.offer_id] : [])))].slice(0, limit);
      const [a, b] = await Promise.all([residents(db, people), openOffers(db, offerIds)]);
      return [...a, ...b];
    },
    async offersOfTypes(types, placeIds, limit) {
      if (placeIds.length === 0) return [];
      const rows = await db
        .select({ id: offers.id })
        .from(offers)
        .where(and(eq(offers.status, 'open'), inArray(offers.type, types as (typeof offers.type.enumValues)[number][]),
          sql`${offers.placeCodes} && (select array_agg(code) from places where id = any(${pgArray(placeIds)}::int[]))`))
        .orderBy(desc(offers.updatedAt))
        .limit(limit);
      return openOffers(db, rows.map((r) => r.id));
    },
    async placeNames() {
      const rows = await db.select({ id: places.id, name: places.name }).from(places);
      return new Map(rows.map((r) => [r.id, r.name]));
    },
    async save(plans, coolingDays) {
      if (plans.length === 0) return 0;
      return db.transaction((tx) => saveAll(tx, plans, coolingDays, policy));
    },
    async withdrawForOffer(offerId) {
      const rows = await db
        .update(matches)
        .set({ state: 'withdrawn', updatedAt: new Date() })
        .where(and(sql`state in ('suggested', 'snoozed')`, sql`${matches.id} in (select match_id from match_members where offer_id = ${offerId})`))
        .returning({ id: matches.id });
      return rows.length;
    },
  };
}

/** "Not a fit": the match is dismissed and its members are penalised around its categories. */
export async function dismissMatch(tx: Executor, matchId: string, reason: string, penalty: number): Promise<boolean> {
  const [match] = await tx.update(matches).set({ state: 'dismissed', dismissReason: reason, updatedAt: new Date() }).where(eq(matches.id, matchId)).returning();
  if (!match) return false;
  const categories = match.reasons.flatMap((r) => (r.code === 'categories' ? [...r.categories] : r.code === 'group' ? [r.category] : []));
  const members = await tx.select().from(matchMembers).where(eq(matchMembers.matchId, matchId));
  const rows = members.flatMap((m) => categories.map((category) => ({ participantId: m.participantId, offerId: m.offerId, category, penalty })));
  if (rows.length > 0) await tx.insert(matchFeedback).values(rows);
  return true;
}

