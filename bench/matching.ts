/**
 * Matching one new profile on PostgreSQL at 1k, 10k and 100k synthetic residents, next to a
 * brute-force scan over all of them in the same run. Prints figures; asserts nothing.
 *
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test npm run bench:matching
 *
 * Goal (issue: bench/matching): p95 ≤ 20 ms at 100k; 10k → 100k at most 2×.
 *
 * One database grows 1k → 10k → 100k with set-based inserts (realistic shares: three places of
 * unequal size, Zipf-like category popularity per kind, mostly Dutch plus one other language).
 * At each size every "new profile" is inserted (not timed), matched with the real code path
 * (`createMatcher(createMatchingStore(db), DEFAULT_MATCHING).matchParticipant`: index look-ups,
 * planning, saving; timed) and removed again with its suggestions (not timed), so the population
 * stays the size it says. For the first few of them the same subject is also planned against
 * every resident loaded into memory (brute force), and the candidate query runs once with the
 * GIN index and once as a sequential scan.
 *
 * Knobs: BENCH_SIZES (1000,10000,100000), BENCH_PROFILES (200), BENCH_WARMUP (5), BENCH_BRUTE
 * (20); BENCH_EXPLAIN=1 prints EXPLAIN ANALYZE of the slowest candidate query at each size.
 */
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { DEFAULT_MATCHING } from '../src/core/matching/config.js';
import { createMatcher, wantedKeys, type MatchingStore } from '../src/core/matching/matcher.js';
import { planMatches } from '../src/core/matching/plan.js';
import type { ItemKind, Side, SideItem } from '../src/core/matching/side.js';
import { AMBITIONS, CATEGORIES, SLOTS } from '../src/core/taxonomy/categories.js';
import { openDatabase, pgArray, rowsOf, type Database, type Executor } from '../src/db/client.js';
import { createMatchingStore } from '../src/db/repositories/matching-store.js';
import { seedPlaces } from '../src/db/seed.js';

const SERVER = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const SIZES = (process.env.BENCH_SIZES ?? '1000,10000,100000').split(',').map(Number);
const PROFILES = Number(process.env.BENCH_PROFILES ?? 200);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 5);
const BRUTE = Number(process.env.BENCH_BRUTE ?? 20);
const EXPLAIN = process.env.BENCH_EXPLAIN === '1';
const MAX_AGE_DAYS = 730;

/** Most popular first; the rest of the taxonomy follows as the long tail. */
const withTail = (head: string[]) => [...head, ...CATEGORIES.map((c) => c.id).filter((id) => !head.includes(id))];
const POPULARITY: Record<'goesting' | 'skill' | 'need', string[]> = {
  goesting: withTail(['cooking', 'walking_running', 'shared_meals', 'football', 'gardening', 'music', 'world_cuisine', 'neighbourhood_events', 'crafts', 'baking']),
  skill: withTail(['cooking', 'cleaning', 'translation', 'driving', 'sewing', 'odd_jobs', 'childcare', 'baking', 'bike_repair', 'household_help']),
  need: withTail(['dutch_practice', 'paperwork', 'computer_basics', 'job_search', 'smartphone_help', 'homework_help', 'cv_writing', 'moving_help', 'household_help', 'bike_repair']),
};
/** Shares out of 20: who dreams of what, and the other language people speak. */
const weighted = (shares: Record<string, number>) => Object.entries(shares).flatMap(([id, n]) => Array<string>(n).fill(id));
const AMBITION_SHARES = weighted({ learn_dutch: 7, work: 5, meet_people: 3, training: 2, volunteering: 2, own_idea: 1 });
const SECOND_LANGUAGE = weighted({ ar: 5, tr: 4, fr: 3, uk: 2, fa: 2, ro: 2, en: 2 });
if (AMBITION_SHARES.length !== 20 || SECOND_LANGUAGE.length !== 20 || AMBITION_SHARES.some((a) => !(AMBITIONS as readonly string[]).includes(a))) {
  throw new Error('bench shares must add up to 20 and use taxonomy ids');
}

/**
 * Inserts `n` confirmed residents with both consents and their items in one statement. Places
 * 50/30/20 %, 1–3 goesting, 1–3 skills, 0–2 needs (category index ⌊50·u^2.5⌋ in each kind's
 * popularity order), an ambition for half of them, 85 % speak Dutch and 60 % one other
 * language, 0 or 2–5 availability slots, 5 % paused; match keys as `matchKeys` computes them.
 * Seeded residents joined over the last two years; `fresh` ones are new profiles (just
 * confirmed, not paused).
 */
async function addResidents(db: Executor, n: number, placeIds: number[], fresh = false): Promise<string[]> {
  const maxAgeDays = fresh ? 0 : MAX_AGE_DAYS;
  const pausedShare = fresh ? 0 : 0.05;
  const cats = CATEGORIES.length;
  const pick = (order: string[], count: string) =>
    sql`array(select distinct (${pgArray(order)}::text[])[1 + floor(${cats}::int * random() ^ 2.5)::int] from generate_series(1, ${sql.raw(count)}))`;
  const rows = rowsOf<{ id: string }>(
    await db.execute(sql`
      with r as materialized (
        select gen_random_uuid() as id, random() as rp, random() as rage, random() as rupd, random() as rnl, random() as rl2, random() as rl2pick,
          random() as rpause, random() as rnb, random() as rnbpick, random() as ramb, random() as rambpick,
          1 + floor(random() * 3)::int as ngo, 1 + floor(random() * 3)::int as nsk, floor(random() * 3)::int as nne,
          case when random() < 0.15 then 0 else 2 + floor(random() * 4)::int end as navail
        from generate_series(1, ${n}::int)
      ), src as materialized (
        select r.id,
          (${pgArray(placeIds)}::int[])[case when r.rp < 0.5 then 1 when r.rp < 0.8 then 2 else 3 end] as place_id,
          case when r.rnb < 0.6 then 'Wijk ' || (1 + floor(r.rnbpick * 8)::int) end as neighbourhood,
          array_remove(array[case when r.rnl < 0.85 or r.rl2 >= 0.6 then 'nl' end,
            case when r.rl2 < 0.6 then (${pgArray(SECOND_LANGUAGE)}::text[])[1 + floor(r.rl2pick * 20)::int] end], null) as languages,
          array(select distinct (${pgArray(SLOTS)}::text[])[1 + floor(random() * ${SLOTS.length}::int)::int] from generate_series(1, r.navail)) as availability,
          r.rpause < ${pausedShare}::float8 as paused,
          now() - r.rage * ${maxAgeDays}::int * interval '1 day' as created,
          now() - r.rage * (1 - r.rupd) * ${maxAgeDays}::int * interval '1 day' as updated,
          ${pick(POPULARITY.goesting, 'r.ngo')} as goesting,
          ${pick(POPULARITY.skill, 'r.nsk')} as skill,
          ${pick(POPULARITY.need, 'r.nne')} as need,
          case when r.ramb < 0.5 then array[(${pgArray(AMBITION_SHARES)}::text[])[1 + floor(r.rambpick * 20)::int]] else '{}'::text[] end as ambition
        from r
      ), people as (
        insert into participants (id, place_id, display_name, neighbourhood, language, spoken_languages, availability, paused, status, confirmed_at, created_at, updated_at)
        select id, place_id, 'Bench ' || left(id::text, 8), neighbourhood, languages[1], languages, availability, paused, 'active', updated, created, updated from src
        returning id
      ), agreed as (
        insert into consents (participant_id, purpose, method, granted_at)
        select s.id, v.purpose, 'bench', s.created from src s cross join (values ('profile'), ('matchmaker')) v(purpose)
      ), items as (
        insert into profile_items (participant_id, kind, categories, place_ids, languages, match_keys, created_at)
        select s.id, k.kind, k.categories, array[s.place_id], s.languages,
          array(select k.kind || ':' || s.place_id || ':' || c from unnest(k.categories) c), s.updated
        from src s cross join lateral (values ('goesting', s.goesting), ('skill', s.skill), ('need', s.need), ('ambition', s.ambition)) k(kind, categories)
        where cardinality(k.categories) > 0
      )
      select id from people`),
  );
  return rows.map((r) => r.id);
}

async function removeResident(db: Executor, id: string): Promise<void> {
  await db.execute(sql`delete from matches where id in (select match_id from match_members where participant_id = ${id})`);
  await db.execute(sql`delete from participants where id = ${id}`);
}

/** Everyone the matcher could ever suggest, as the store would build them (no feedback exists here). */
async function loadAll(db: Database): Promise<Side[]> {
  const owners = rowsOf<{ id: string; place_id: number | null; neighbourhood: string | null; spoken_languages: string[]; availability: string[]; updated_at: string }>(
    await db.execute(sql`select p.id, p.place_id, p.neighbourhood, p.spoken_languages, p.availability, p.updated_at from participants p
      where p.status = 'active' and not p.paused
        and exists (select 1 from consents c where c.participant_id = p.id and c.purpose = 'matchmaker' and c.withdrawn_at is null)`),
  );
  const items = rowsOf<{ participant_id: string; id: string; kind: ItemKind; categories: string[] }>(
    await db.execute(sql`select participant_id, id, kind, categories from profile_items
      where participant_id is not null and (valid_until is null or valid_until > now())`),
  );
  const byOwner = new Map<string, SideItem[]>();
  for (const i of items) {
    const list = byOwner.get(i.participant_id);
    const item = { id: i.id, kind: i.kind, categories: i.categories };
    if (list) list.push(item);
    else byOwner.set(i.participant_id, [item]);
  }
  return owners.map((o) => ({
    key: `p:${o.id}`,
    participantId: o.id,
    placeIds: o.place_id === null ? [] : [Number(o.place_id)],
    neighbourhood: o.neighbourhood,
    languages: o.spoken_languages,
    availability: o.availability,
    items: byOwner.get(o.id) ?? [],
    updatedAt: new Date(o.updated_at),
    penalties: {},
  }));
}

/** The store's candidate query on its own: with the GIN index, or forced to a sequential scan. */
async function candidateQuery(db: Database, keys: string[], limit: number, scan: boolean): Promise<number> {
  const query = sql`select participant_id, offer_id from profile_items
    where match_keys && ${pgArray(keys)}::text[] and (valid_until is null or valid_until > now())
    order by created_at desc limit ${limit * 2}`;
  return db.transaction(async (tx) => {
    if (scan) await tx.execute(sql`set local enable_bitmapscan = off`);
    if (scan) await tx.execute(sql`set local enable_indexscan = off`);
    const started = performance.now();
    await tx.execute(query);
    return performance.now() - started;
  });
}

async function explain(db: Database, keys: string[], limit: number): Promise<string> {
  const rows = rowsOf<{ 'QUERY PLAN': string }>(
    await db.execute(sql`explain (analyze, buffers) select participant_id, offer_id from profile_items
      where match_keys && ${pgArray(keys)}::text[] and (valid_until is null or valid_until > now())
      order by created_at desc limit ${limit * 2}`),
  );
  return rows.map((r) => `    ${r['QUERY PLAN']}`).join('\n');
}

/** Wraps the store to record how long each port call takes, and how many candidates come back. */
function timedStore(store: MatchingStore, times: Record<'side' | 'candidates' | 'save', number[]>, found: number[]): MatchingStore {
  const time = <A extends unknown[], R>(name: keyof typeof times, fn: (...args: A) => Promise<R>) => async (...args: A) => {
    const started = performance.now();
    try {
      return await fn(...args);
    } finally {
      times[name].push(performance.now() - started);
    }
  };
  return {
    ...store,
    side: time('side', store.side),
    candidates: time('candidates', async (keys: readonly string[], limit: number) => {
      const sides = await store.candidates(keys, limit);
      found.push(sides.length);
      return sides;
    }),
    save: time('save', store.save),
  };
}

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] ?? NaN;
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length);
const ms = (n: number) => (Number.isFinite(n) ? (n < 10 ? n.toFixed(2) : n.toFixed(1)) : '–');

interface SizeResult {
  size: number;
  indexed: number[];
  /** The same runs without `save`: look-ups and planning only. */
  readOnly: number[];
  brute: number[];
  loadAll: number;
  gin: number[];
  scan: number[];
  plansIndexed: number[];
  plansBrute: number[];
  candidates: number[];
  times: Record<'side' | 'candidates' | 'save', number[]>;
}

/**
 * Three passes, so they do not disturb each other's timings: the real matcher on every new
 * profile; then the candidate query alone (GIN and sequential scan) for the first `BRUTE` of
 * them; then everyone loaded into memory and planned against those same subjects.
 */
async function measure(db: Database, size: number, placeIds: number[]): Promise<SizeResult> {
  const times = { side: [] as number[], candidates: [] as number[], save: [] as number[] };
  const found: number[] = [];
  const store = createMatchingStore(db);
  const matcher = createMatcher(timedStore(store, times, found), DEFAULT_MATCHING);
  const result: SizeResult = { size, indexed: [], readOnly: [], brute: [], loadAll: NaN, gin: [], scan: [], plansIndexed: [], plansBrute: [], candidates: found, times };

  const subjects: Side[] = [];
  for (let i = 0; i < WARMUP + PROFILES; i++) {
    const [id] = await addResidents(db, 1, placeIds, true);
    const started = performance.now();
    const plans = await matcher.matchParticipant(id!);
    const took = performance.now() - started;
    if (i < WARMUP) {
      for (const list of [...Object.values(times), found]) list.length = 0;
    } else {
      result.indexed.push(took);
      result.readOnly.push(took - times.save.at(-1)!);
      result.plansIndexed.push(plans.length);
      if (subjects.length < BRUTE) subjects.push((await store.side(`p:${id}`))!);
    }
    await removeResident(db, id!);
  }

  let slowest: { keys: string[]; ms: number } | undefined;
  for (const subject of subjects) {
    const keys = wantedKeys(subject);
    if (keys.length === 0) continue;
    const gin = await candidateQuery(db, keys, DEFAULT_MATCHING.candidateLimit, false);
    result.gin.push(gin);
    result.scan.push(await candidateQuery(db, keys, DEFAULT_MATCHING.candidateLimit, true));
    if (!slowest || gin > slowest.ms) slowest = { keys, ms: gin };
  }
  if (EXPLAIN && slowest) console.log(`  slowest candidate query at ${size} (${slowest.keys.length} keys):\n${await explain(db, slowest.keys, DEFAULT_MATCHING.candidateLimit)}`);

  let started = performance.now();
  const everyone = await loadAll(db);
  result.loadAll = performance.now() - started;
  const ctx = { config: DEFAULT_MATCHING, now: new Date(), placeNames: await store.placeNames() };
  for (const subject of subjects) {
    started = performance.now();
    const all = planMatches(subject, everyone, ctx);
    result.brute.push(performance.now() - started);
    result.plansBrute.push(all.length);
  }
  return result;
}

async function main() {
  const admin = postgres(SERVER, { max: 1, onnotice: () => undefined });
  const name = `goesting_bench_matching_${process.pid}`;
  await admin.unsafe(`create database ${name}`);
  const url = new URL(SERVER);
  url.pathname = `/${name}`;
  let handle: Awaited<ReturnType<typeof openDatabase>> | undefined;
  try {
    handle = await openDatabase({ url: url.toString(), poolSize: 4 });
    const db = handle.db;
    await seedPlaces(db);
    const placeIds = rowsOf<{ id: number }>(await db.execute(sql`select id from places order by id`)).map((r) => Number(r.id));
    console.log(`database: PostgreSQL (${SERVER.replace(/\/\/[^@]*@/, '//')}), ${PROFILES} new profiles per size (+${WARMUP} warm-up), brute force on ${BRUTE} of them`);

    const results: SizeResult[] = [];
    let population = 0;
    for (const size of SIZES) {
      const started = performance.now();
      for (let left = size - population; left > 0; left -= 10_000) await addResidents(db, Math.min(left, 10_000), placeIds);
      const seeded = performance.now() - started;
      await db.execute(sql`vacuum analyze participants, consents, profile_items`);
      const counts = rowsOf<{ items: number; keys: number }>(await db.execute(sql`select count(*)::int as items, sum(cardinality(match_keys))::int as keys from profile_items`))[0]!;
      console.log(`seeded ${size - population} → ${size} residents in ${(seeded / 1000).toFixed(1)} s (+ vacuum analyze ${((performance.now() - started - seeded) / 1000).toFixed(1)} s); ${counts.items} items, ${counts.keys} match keys`);
      population = size;
      const r = await measure(db, size, placeIds);
      results.push(r);
      console.log(`  matched ${PROFILES}: p50 ${ms(percentile(r.indexed, 50))} ms, p95 ${ms(percentile(r.indexed, 95))} ms, max ${ms(Math.max(...r.indexed))} ms`
        + ` (store p50/p95: side ${ms(percentile(r.times.side, 50))}/${ms(percentile(r.times.side, 95))}, candidates ${ms(percentile(r.times.candidates, 50))}/${ms(percentile(r.times.candidates, 95))},`
        + ` save ${ms(percentile(r.times.save, 50))}/${ms(percentile(r.times.save, 95))} ms;`
        + ` ${mean(r.candidates).toFixed(0)} candidates, ${mean(r.plansIndexed).toFixed(0)} suggestions on average)`);
      console.log(`  brute force: load all ${(r.loadAll / 1000).toFixed(2)} s, plan over everyone p50 ${ms(percentile(r.brute, 50))} ms, p95 ${ms(percentile(r.brute, 95))} ms (${mean(r.plansBrute).toFixed(0)} suggestions on average)`);
      console.log(`  candidate query alone: GIN p50 ${ms(percentile(r.gin, 50))} ms, p95 ${ms(percentile(r.gin, 95))} ms; sequential scan p50 ${ms(percentile(r.scan, 50))} ms, p95 ${ms(percentile(r.scan, 95))} ms`);
    }

    const base = results.find((r) => r.size === 10_000) ?? results[0]!;
    const header = ['residents', 'indexed p50', 'p95', 'max', '×10k p95', 'w/o save p50', 'p95', 'brute p50', 'p95', '×10k p95'];
    const rows = results.map((r) => [
      r.size.toLocaleString('en'),
      ms(percentile(r.indexed, 50)),
      ms(percentile(r.indexed, 95)),
      ms(Math.max(...r.indexed)),
      (percentile(r.indexed, 95) / percentile(base.indexed, 95)).toFixed(2),
      ms(percentile(r.readOnly, 50)),
      ms(percentile(r.readOnly, 95)),
      ms(percentile(r.brute, 50)),
      ms(percentile(r.brute, 95)),
      (percentile(r.brute, 95) / percentile(base.brute, 95)).toFixed(2),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
    const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(' | ');
    console.log(`\nall times in ms\n${line(header)}\n${widths.map((w) => '-'.repeat(w)).join('-|-')}\n${rows.map(line).join('\n')}`);

    const top = results.find((r) => r.size === 100_000);
    if (top) {
      const p95 = percentile(top.indexed, 95);
      const ratio = p95 / percentile(base.indexed, 95);
      console.log(`goal p95 ≤ 20 ms at 100k: ${p95 <= 20 ? 'met' : 'missed'} (${ms(p95)} ms)`);
      console.log(`goal 10k → 100k at most 2× (p95): ${ratio <= 2 ? 'met' : 'missed'} (${ratio.toFixed(2)}×)`);
    }
  } finally {
    await handle?.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
