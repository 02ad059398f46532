/**
 * Impact figures against a scripted history, played through the real paths (the playground
 * channel: the same intake, matcher, desk and introductions as Telegram and Teams): the counts
 * per place and month, the stats figures, the export without personal data, and erasure keeping
 * only anonymous counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import type { App } from '../../src/app.js';
import { rowsOf } from '../../src/db/client.js';
import { impactFigures, monthlyCounts } from '../../src/db/repositories/impact.js';
import { addMonths, monthOf } from '../../src/core/impact/period.js';
import { exportCsv } from '../../src/services/export.js';
import { startPlayground, type PlaygroundHarness } from '../support/playground.js';

let h: PlaygroundHarness;
let app: App;
const month = monthOf(new Date());
const lastMonth = addMonths(month, -1);
const post = (path: string, body: unknown) => h.post(path, body);
const turn = (resident: string, name: string, input: Record<string, unknown>) => h.turn(resident, name, input);
const tap = (resident: string, name: string, ...buttons: string[]) => h.tap(resident, name, ...buttons);
const intake = (resident: string, name: string, skills: string[], needs: string[]) => h.intake(resident, name, skills, needs);
const query = async <T>(text: ReturnType<typeof sql>) => rowsOf<T>(await app.database.db.execute(text));

/** The match a resident (by name) is in, and the current state. */
async function matchOf(name: string): Promise<{ id: string; state: string }> {
  const [row] = await query<{ id: string; state: string }>(sql`
    select m.id, m.state from matches m join match_members mm on mm.match_id = m.id join participants p on p.id = mm.participant_id
    where p.display_name = ${name} order by m.created_at desc limit 1`);
  return row!;
}

const fixture = { names: ['Ana', 'Ben', 'Cas', 'Dee', 'Eve'], texts: ['Naaiatelier zoekt hulp', 'Wie kan naaien?', 'Jan Peeters', 'dinsdag 14u in het buurthuis'] };
let ids: string[] = [];

beforeAll(async () => {
  h = await startPlayground();
  app = h.app;

  // Ana can cook, Ben needs cooking: one suggestion. Cas can sew, a provider asks for sewing: another.
  await intake('a', 'Ana', ['skills:t:cooking'], []);
  await intake('b', 'Ben', [], ['needs:p:1', 'needs:t:cooking']);
  await intake('c', 'Cas', ['skills:p:1', 'skills:t:sewing'], []);
  await post('provider', { verb: 'saveOffer', data: { kind: 'ask', title: fixture.texts[1], description: fixture.texts[0], type: 'volunteering', categories: 'sewing', places: 'lier', languages: 'nl', contact: fixture.texts[2] } });
  // Dee finishes, pauses and asks to be called; Eve says yes to storing, then changes her mind.
  await intake('d', 'Dee', [], []);
  await turn('d', 'Dee', { text: '/pause' });
  await turn('d', 'Dee', { button: 'help:call' });
  await turn('e', 'Eve', { text: '/start lier' });
  await tap('e', 'Eve', 'lang:nl:lier', 'cons:y:nl:lier');
  await turn('e', 'Eve', { text: '/forget' });
  await tap('e', 'Eve', 'forget:yes');

  // Ana ↔ Ben: introduced, both yes, they met; Ana found work, Ben a new friend.
  const anaBen = await matchOf('Ana');
  await post('decide', { matchId: anaBen.id, verb: 'introduce', data: { [`meet_${anaBen.id}`]: fixture.texts[3] } });
  await tap('a', 'Ana', `intro:y:${anaBen.id}`);
  await tap('b', 'Ben', `intro:y:${anaBen.id}`);
  await tap('a', 'Ana', `met:y:${anaBen.id}`, `outcome:work:${anaBen.id}`);
  await tap('b', 'Ben', `met:y:${anaBen.id}`, `outcome:friend:${anaBen.id}`);
  // Cas ↔ the ask: introduced, Cas says no.
  const cas = await matchOf('Cas');
  await post('decide', { matchId: cas.id, verb: 'introduce' });
  await tap('c', 'Cas', `intro:n:${cas.id}`);
  await app.outbox.drain();

  ids = [
    ...(await query<{ id: string }>(sql`select id from participants`)).map((r) => r.id),
    ...(await query<{ id: string }>(sql`select id from matches`)).map((r) => r.id),
    ...(await query<{ id: string }>(sql`select id::text from offers`)).map((r) => r.id),
  ];
}, 120_000);

afterAll(async () => {
  await h?.stop();
});

describe('impact', () => {
  it('the scripted history is what the tables say', async () => {
    expect((await matchOf('Ana')).state).toBe('met');
    expect((await matchOf('Cas')).state).toBe('declined');
    expect(ids.length).toBeGreaterThan(5);
  });

  it('counts every step per place and month, exactly', async () => {
    const [lier] = await monthlyCounts(app.database.db, { from: month, to: month }, ['lier']);
    expect(lier).toMatchObject({ place: 'lier', month });
    expect(lier!.counts).toEqual({
      joined: 5,
      profile_confirmed: 4,
      suggested: 2,
      introduced: 2,
      accepted: 1,
      declined: 1,
      met: 1,
      outcome_training: 0,
      outcome_volunteering: 0,
      outcome_work: 1,
      outcome_initiative: 0,
      outcome_friend: 1,
      outcome_nothing: 0,
      referral: 1,
      paused: 1,
      forgotten: 1,
    });
    const others = await monthlyCounts(app.database.db, { from: month, to: month }, ['turnhout']);
    expect(Object.values(others[0]!.counts).every((n) => n === 0)).toBe(true);
  });

  it('gives the stats figures: people, rates, outcomes and the median days to a first meeting', async () => {
    const figures = await impactFigures(app.database.db, ['lier'], { from: month, to: month });
    expect(figures).toMatchObject({
      participants: 4,
      joined: 5,
      suggestions: 2,
      introductions: 2,
      accepted: 1,
      declined: 1,
      acceptanceRate: 0.5,
      meetings: 1,
      referrals: 1,
      medianDaysToFirstMeeting: 0,
      outcomes: { work: 1, friend: 1, training: 0, volunteering: 0, initiative: 0, nothing: 0 },
    });
    expect(figures.monthly).toHaveLength(12);
    expect(figures.monthly.at(-1)).toEqual({ month, joined: 5, met: 1 });
    const all = await impactFigures(app.database.db, null, { from: month, to: month });
    expect(all.joined).toBe(5);
  });

  it('puts each event in the month it happened (Belgian time)', async () => {
    await app.database.db.execute(sql`update events set at = at - interval '40 days' where kind = 'joined' and participant_id = (select id from participants where display_name = 'Dee')`);
    const rows = await monthlyCounts(app.database.db, { from: addMonths(lastMonth, -1), to: month }, ['lier']);
    expect(rows.map((r) => [r.month, r.counts.joined])).toEqual([
      [addMonths(lastMonth, -1), expect.any(Number)],
      [lastMonth, expect.any(Number)],
      [month, 4],
    ]);
    expect(rows.reduce((sum, r) => sum + r.counts.joined, 0)).toBe(5);
    await app.database.db.execute(sql`update events set at = at + interval '40 days' where kind = 'joined' and participant_id = (select id from participants where display_name = 'Dee')`);
  });

  it('exports counts only: no name, id or free text, and small cells suppressed', async () => {
    const csv = await exportCsv(app.database.db, { from: lastMonth, to: month });
    for (const needle of [...fixture.names, ...fixture.texts, ...ids]) expect(csv).not.toContain(needle);
    const lines = csv.trim().split('\r\n');
    expect(lines[0]).toBe('place,month,joined,profile_confirmed,suggested,introduced,accepted,declined,met,outcome_training,outcome_volunteering,outcome_work,outcome_initiative,outcome_friend,outcome_nothing,referral,paused,forgotten');
    expect(lines).toContain(`lier,${month},5,<5,<5,<5,<5,<5,<5,0,0,<5,0,<5,0,<5,<5,<5`);
    expect(lines).toContain(`turnhout,${lastMonth},0,0,0,0,0,0,0,0,0,0,0,0,0,0,0,0`);
    expect(lines).toHaveLength(1 + 3 * 2); // three places, two months
    const open = await exportCsv(app.database.db, { from: month, to: month }, { placeCodes: ['lier'], minCount: 1 });
    expect(open.trim().split('\r\n')[1]).toBe(`lier,${month},5,4,2,2,1,1,1,0,0,1,0,1,0,1,1,1`);
  });

  it('keeps only anonymous counts of someone who is erased', async () => {
    const [ana] = await query<{ id: string }>(sql`select id from participants where display_name = 'Ana'`);
    await turn('a', 'Ana', { text: '/forget' });
    await tap('a', 'Ana', 'forget:yes');
    expect(await query(sql`select 1 from participants where id = ${ana!.id}`)).toHaveLength(0);
    expect(await query(sql`select 1 from events where participant_id = ${ana!.id}`)).toHaveLength(0);
    const [lier] = await monthlyCounts(app.database.db, { from: month, to: month }, ['lier']);
    expect(lier!.counts).toMatchObject({ joined: 5, met: 1, outcome_work: 1, forgotten: 2 });
    expect((await impactFigures(app.database.db, ['lier'], { from: month, to: month })).participants).toBe(3);
  });
});
