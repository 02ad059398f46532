/**
 * Retention: one warning after a year of silence, erasure a month later if still silent, the
 * warning void once someone is active again; old voice notes and free text dropped. Nothing else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { rowsOf } from '../../src/db/client.js';
import { runRetention, type RetentionPolicy } from '../../src/services/retention.js';
import { addResident } from '../support/people.js';
import { startPlayground, type PlaygroundHarness } from '../support/playground.js';

let h: PlaygroundHarness;
const policy: RetentionPolicy = { inactiveMonths: 12, warningDays: 30, freeTextDays: 180 };
const DAY = 86_400_000;
const query = async <T>(text: ReturnType<typeof sql>) => rowsOf<T>(await h.app.database.db.execute(text));
const idOf = async (name: string) => (await query<{ id: string }>(sql`select id from participants where display_name = ${name}`))[0]?.id;

/** Moves a person's last activity back by `days`. */
async function silentFor(name: string, days: number) {
  const id = await idOf(name);
  await h.app.database.db.execute(sql`update participants set updated_at = now() - make_interval(days => ${days}) where id = ${id}`);
  await h.app.database.db.execute(sql`update dialogue_states set updated_at = now() - make_interval(days => ${days}) where participant_id = ${id}`);
}

beforeAll(async () => {
  h = await startPlayground();
  for (const [resident, name] of [['1', 'Old'], ['2', 'Recent'], ['3', 'Gone'], ['4', 'Back']] as const) await h.intake(resident, name, ['skills:t:cooking']);
  await addResident(h.app.database.db, { name: 'Imported', items: [{ kind: 'skill', categories: ['sewing'] }] });
  await silentFor('Old', 400);
  await silentFor('Imported', 400);
  await silentFor('Gone', 420);
  await silentFor('Back', 420);
  // Gone and Back were warned 31 days ago; since then only Back did something.
  await h.app.database.db.execute(sql`update participants set retention_warned_at = now() - interval '31 days' where display_name in ('Gone', 'Back')`);
  await h.app.database.db.execute(sql`update dialogue_states set updated_at = now() - interval '2 days' where participant_id = (select id from participants where display_name = 'Back')`);
}, 120_000);
afterAll(async () => {
  await h?.stop();
});

describe('retention', () => {
  it('warns the long silent once, erases who stayed silent after the warning, and keeps who came back', async () => {
    const goneId = await idOf('Gone');
    const run = await runRetention(h.app.database.db, policy);
    expect(run).toMatchObject({ warned: 2, erased: 1, kept: 1 });

    expect(await idOf('Gone')).toBeUndefined();
    expect(await query(sql`select 1 from events where participant_id = ${goneId!}`)).toHaveLength(0);
    expect(await query(sql`select 1 from events where kind = 'forgotten'`)).toHaveLength(1);
    const people = await query<{ display_name: string; warned: boolean }>(sql`select display_name, retention_warned_at is not null as warned from participants order by display_name`);
    expect(people).toEqual([
      { display_name: 'Back', warned: false },
      { display_name: 'Imported', warned: true },
      { display_name: 'Old', warned: true },
      { display_name: 'Recent', warned: false },
    ]);

    // The warning reaches Old's chat (Imported has none), with a button to stay.
    await h.app.outbox.drain();
    const inbox = (await h.post('inbox', { resident: '1' })) as { messages: { text: string; buttons: { data: string }[][] }[] };
    const warning = inbox.messages.at(-1)!;
    expect(warning.text).toBe('👋 We hoorden al lang niets van je. Over 30 dagen wissen we je gegevens. Tik op de knop als je wil blijven.');
    expect(warning.buttons[0]![0]!.data).toBe('retain:y');
    expect(await query(sql`select 1 from outbox where kind = 'retention.warning'`)).toHaveLength(1);

    // Running again the same day changes nothing.
    expect(await runRetention(h.app.database.db, policy)).toMatchObject({ warned: 0, erased: 0, kept: 0 });
  });

  it('keeps who taps "I stay", erases who does not, a month later', async () => {
    const stay = (await h.turn('1', 'Old', { button: 'retain:y' })) as { messages: { text: string }[] };
    expect(stay.messages.at(-1)!.text).toBe('✅ Fijn! Je profiel blijft bewaard.');
    const later = new Date(Date.now() + 31 * DAY);
    const run = await runRetention(h.app.database.db, policy, later);
    expect(run).toMatchObject({ erased: 1, kept: 1 });
    expect(await idOf('Old')).toBeDefined();
    expect(await idOf('Imported')).toBeUndefined();
    expect(await idOf('Recent')).toBeDefined();
    expect(await idOf('Back')).toBeDefined();
  });

  it('drops old voice notes and free text, and nothing newer or not personal', async () => {
    const recent = await idOf('Recent');
    const db = h.app.database.db;
    await db.execute(sql`insert into profile_items (participant_id, kind, categories, free_text, created_at) values
      (${recent!}, 'goesting', '{cooking}', 'ik kook graag Syrisch', now() - interval '200 days'),
      (${recent!}, 'need', '{}', 'hulp met mijn brief van de huisbaas', now() - interval '200 days'),
      (${recent!}, 'skill', '{sewing}', 'ik naai kleren', now() - interval '10 days')`);
    await db.execute(sql`insert into profile_items (participant_id, kind, categories, voice_file_id, created_at) values (${recent!}, 'skill', '{}', 'voice-file-1', now() - interval '200 days')`);
    await h.post('provider', { verb: 'saveOffer', data: { kind: 'offer', title: 'Kookles', description: 'Samen koken op dinsdag.', type: 'course', categories: 'cooking', places: 'lier', languages: 'nl', contact: 'Lien' } });
    await db.execute(sql`update profile_items set created_at = now() - interval '400 days' where offer_id is not null`);
    await db.execute(sql`update dialogue_states set data = jsonb_set(data, '{draft,goesting,texts}', '["ik kook graag Syrisch"]'), updated_at = now() - interval '200 days' where participant_id = ${recent!}`);

    await db.execute(sql`insert into matches (kind, pair_key, score, reasons, state, meeting_note, dismiss_reason, updated_at) values
      ('complement', 'old', 0.5, '[]', 'closed', 'dinsdag 14u bij Fatma thuis', 'kent hem al', now() - interval '200 days'),
      ('complement', 'new', 0.5, '[]', 'introduced', 'vrijdag in het buurthuis', null, now() - interval '3 days')`);
    const run = await runRetention(db, { ...policy, inactiveMonths: 0 });
    expect(run.textsDropped).toBe(3);
    const items = await query<{ kind: string; categories: string[]; free_text: string | null }>(sql`select kind, categories, free_text from profile_items where participant_id = ${recent!} order by kind`);
    expect(items).toEqual(
      expect.arrayContaining([
        { kind: 'goesting', categories: ['cooking'], free_text: null },
        { kind: 'skill', categories: ['sewing'], free_text: 'ik naai kleren' },
      ]),
    );
    expect(items.some((i) => i.kind === 'need')).toBe(false); // held only words: gone
    expect(await query(sql`select 1 from profile_items where voice_file_id is not null`)).toHaveLength(0);
    expect(await query(sql`select 1 from profile_items where offer_id is not null and free_text like 'Kookles%'`)).toHaveLength(1);
    const [state] = await query<{ texts: string[] }>(sql`select data->'draft'->'goesting'->'texts' as texts from dialogue_states where participant_id = ${recent!}`);
    expect(state!.texts).toEqual([]);
    const notes = await query<{ pair_key: string; meeting_note: string | null; dismiss_reason: string | null }>(sql`select pair_key, meeting_note, dismiss_reason from matches where pair_key in ('old', 'new') order by pair_key`);
    expect(notes).toEqual([
      { pair_key: 'new', meeting_note: 'vrijdag in het buurthuis', dismiss_reason: null },
      { pair_key: 'old', meeting_note: null, dismiss_reason: null },
    ]);
    expect(await idOf('Recent')).toBeDefined();
  });

  // PGlite has one connection: nothing can run beside it, so this needs the server.
  it.skipIf(!process.env.TEST_DATABASE_URL)('lets one instance run it at a time', async () => {
    const db = h.app.database.db;
    const postgres = (await import('postgres')).default;
    const other = postgres(h.databaseUrl!, { max: 1, onnotice: () => undefined });
    try {
      await other.begin(async (tx) => {
        await tx`select pg_advisory_xact_lock(hashtext('goesting:retention'))`;
        expect(await runRetention(db, policy)).toMatchObject({ skipped: true });
      });
    } finally {
      await other.end();
    }
  });
});
