import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { DEFAULT_MATCHING } from '../src/core/matching/config.js';
import { wantedKeys } from '../src/core/matching/matcher.js';
import { planMatches, type PlannedMatch } from '../src/core/matching/plan.js';
import { openDatabase, pgArray, rowsOf, type Database } from '../src/db/client.js';
import { createMatchingStore } from '../src/db/repositories/matching-store.js';
import { seedPlaces } from '../src/db/seed.js';
import { addResidents, removeResident } from './_lib.js';

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const fmt = (xs: number[]) => `p50 ${pct(xs, 50).toFixed(2)} p95 ${pct(xs, 95).toFixed(2)} max ${Math.max(...xs).toFixed(2)}`;
const OPEN = sql`state in ('suggested', 'snoozed', 'introduced', 'accepted')`;

async function batchSave(db: Database, plans: readonly PlannedMatch[], coolingDays: number) {
  if (plans.length === 0) return 0;
  return db.transaction(async (tx) => {
    const keys = plans.map((p) => p.pairKey);
    const cooling = new Set(rowsOf<{ pair_key: string }>(await tx.execute(sql`select distinct pair_key from matches where pair_key = any(${pgArray(keys)}::text[]) and not (${OPEN}) and created_at > now() - make_interval(days => ${coolingDays})`)).map((r) => r.pair_key));
    const todo = plans.filter((p) => !cooling.has(p.pairKey));
    if (todo.length === 0) return 0;
    const payload = JSON.stringify(todo.map((p) => ({ kind: p.kind, place_id: p.placeId, pair_key: p.pairKey, score: p.score, reasons: p.reasons, needs_interpreter: p.needsInterpreter })));
    const rows = rowsOf<{ id: string; pair_key: string }>(await tx.execute(sql`insert into matches (kind, place_id, pair_key, score, reasons, needs_interpreter)
      select kind, place_id, pair_key, score, reasons, needs_interpreter from jsonb_to_recordset(${payload}::jsonb) as x(kind text, place_id int, pair_key text, score float8, reasons jsonb, needs_interpreter boolean)
      on conflict (pair_key) where ${OPEN} do update set score = excluded.score, reasons = excluded.reasons, needs_interpreter = excluded.needs_interpreter, updated_at = now()
      returning id, pair_key`));
    const ids = new Map(rows.map((r) => [r.pair_key, r.id]));
    await tx.execute(sql`delete from match_members where match_id = any(${pgArray([...ids.values()])}::uuid[])`);
    const members = JSON.stringify(todo.flatMap((p) => p.members.map((m) => ({ match_id: ids.get(p.pairKey), participant_id: m.participantId ?? null, offer_id: m.offerId ?? null, item_id: m.itemId ?? null, role: m.role }))));
    await tx.execute(sql`insert into match_members (match_id, participant_id, offer_id, item_id, role)
      select match_id, participant_id, offer_id, item_id, role from jsonb_to_recordset(${members}::jsonb) as x(match_id uuid, participant_id uuid, offer_id uuid, item_id uuid, role text)`);
    return todo.length;
  });
}

const admin = postgres('postgres://postgres@127.0.0.1:5432/test', { max: 1, onnotice: () => undefined });
const name = `goesting_bench_exp_${process.pid}`;
await admin.unsafe(`create database ${name}`);
const h = await openDatabase({ url: `postgres://postgres@127.0.0.1:5432/${name}`, poolSize: 4 });
try {
  const db = h.db;
  await seedPlaces(db);
  const placeIds = rowsOf<{ id: number }>(await db.execute(sql`select id from places order by id`)).map((r) => Number(r.id));
  const store = createMatchingStore(db);
  const placeNames = await store.placeNames();
  let pop = 0;
  for (const size of [10_000, 100_000]) {
    for (; pop < size; pop += 10_000) await addResidents(db, 10_000, placeIds);
    await db.execute(sql`vacuum analyze`);
    // key sets + plans of 100 probes
    const subjects = [];
    const save1: number[] = [], save2: number[] = [], nplans: number[] = [];
    for (let i = 0; i < 105; i++) {
      const [id] = await addResidents(db, 1, placeIds, true);
      const subject = (await store.side(`p:${id}`))!;
      const keys = wantedKeys(subject);
      const cands = await store.candidates(keys, 200);
      const plans = planMatches(subject, cands, { config: DEFAULT_MATCHING, now: new Date(), placeNames });
      let t = performance.now();
      await store.save(plans, 90);
      if (i >= 5) save1.push(performance.now() - t);
      await db.execute(sql`delete from matches where id in (select match_id from match_members where participant_id = ${id!})`);
      t = performance.now();
      await batchSave(db, plans, 90);
      if (i >= 5) { save2.push(performance.now() - t); nplans.push(plans.length); }
      await removeResident(db, id!);
      subjects.push(keys);
    }
    console.log(`${size}: save per plan (current) ${fmt(save1)}; set-based ${fmt(save2)}; plans p50 ${pct(nplans, 50)} p95 ${pct(nplans, 95)}`);
    const run = async (label: string, q: (keys: string[]) => ReturnType<typeof sql>) => {
      const xs: number[] = [];
      for (const [i, keys] of subjects.entries()) {
        if (keys.length === 0) continue;
        const t = performance.now();
        await db.execute(q(keys));
        if (i >= 5) xs.push(performance.now() - t);
      }
      console.log(`${size}: ${label}: ${fmt(xs)}`);
    };
    const current = (keys: string[]) => sql`select participant_id, offer_id from profile_items where match_keys && ${pgArray(keys)}::text[] and (valid_until is null or valid_until > now()) order by created_at desc limit 400`;
    await run('current GIN', current);
    await db.execute(sql`create index if not exists exp_created on profile_items (created_at desc)`);
    await db.execute(sql`analyze profile_items`);
    await run('GIN + btree(created_at)', current);
    await db.execute(sql`drop index exp_created`);
    await db.execute(sql`drop table if exists exp_keys`);
    await db.execute(sql`create table exp_keys as select k as key, created_at, valid_until, participant_id, offer_id, id as item_id from profile_items, unnest(match_keys) k`);
    await db.execute(sql`create index exp_keys_idx on exp_keys (key, created_at desc) include (participant_id, offer_id, valid_until)`);
    await db.execute(sql`vacuum analyze exp_keys`);
    await run('key table, lateral per key', (keys) => sql`select x.participant_id, x.offer_id from unnest(${pgArray(keys)}::text[]) k
      cross join lateral (select participant_id, offer_id, created_at from exp_keys e where e.key = k and (e.valid_until is null or e.valid_until > now()) order by created_at desc limit 400) x
      order by x.created_at desc limit 400`);
    const q = await db.execute(sql`explain (analyze, buffers) select x.participant_id, x.offer_id from unnest(${pgArray(subjects[10]!)}::text[]) k
      cross join lateral (select participant_id, offer_id, created_at from exp_keys e where e.key = k and (e.valid_until is null or e.valid_until > now()) order by created_at desc limit 400) x
      order by x.created_at desc limit 400`);
    if (size === 100_000) console.log(rowsOf<Record<string, string>>(q).map((r) => Object.values(r)[0]).join('\n'));
    await db.execute(sql`drop table exp_keys`);
  }
} finally {
  await h.close();
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.end();
}
