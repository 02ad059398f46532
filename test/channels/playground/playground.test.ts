/**
 * The playground API end to end on the embedded database: a resident's intake in the web chat,
 * a provider's ask through the same validation as Teams, the match in the matchmaker feed,
 * *Introduce*, the proposal in the resident's chat, *Yes*, the card updated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
import { sql } from 'drizzle-orm';
import { loadDemoData } from '../../../src/services/demo.js';
import { rowsOf } from '../../../src/db/client.js';
import { createTestDatabase } from '../../support/db.js';

let app: App;
let drop: () => Promise<void>;
let base: string;
const post = async (path: string, body: unknown) =>
  (await (await fetch(`${base}/playground/api/${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })).json()) as Record<string, never>;

beforeAll(async () => {
  const database = await createTestDatabase();
  drop = database.drop;
  app = await startApp(loadConfig({ DATABASE_URL: database.url, PORT: '0', LOG_LEVEL: 'silent' }), {
    ...(database.dump ? { pgliteDump: database.dump } : {}),
    outbox: 'manual',
    flood: { burst: 1000, perSecond: 1000 }, // the test taps faster than anyone
    today: () => '2026-11-27',
  });
  base = `http://127.0.0.1:${app.port}`;
});
afterAll(async () => {
  await app?.stop();
  await drop?.();
});

type Message = { type: string; text: string; buttons: { text: string; data: string }[][] };
async function turn(input: Record<string, unknown>) {
  return (await post('turn', { resident: '7', name: 'Samira', lang: 'ar', ...input })) as unknown as { lang: string; rtl: boolean; messages: Message[] };
}

describe('playground', () => {
  it('serves the page on / with the labels from the locales', async () => {
    const res = await fetch(`${base}/`);
    const html = await res.text();
    expect(html).toContain('id="chat"');
    expect(html).toContain('Stuyfplekhouder · Teams');
    expect(html).toContain('src="/playground/adaptivecards.js"');
    const renderer = await fetch(`${base}/playground/adaptivecards.js`);
    expect(renderer.headers.get('content-type')).toContain('javascript');
    expect(await renderer.text()).toContain('AdaptiveCards');
  });

  it('loaded the demo residents and offers through the importer on first start, with suggestions', async () => {
    const people = rowsOf<{ n: number }>(await app.database.db.execute(sql`select count(*)::int as n from participants where source = 'import'`));
    const offered = rowsOf<{ n: number }>(await app.database.db.execute(sql`select count(*)::int as n from offers`));
    expect(people[0]!.n).toBe(10);
    expect(offered[0]!.n).toBe(6);
    const feed = (await post('feed', {})) as unknown as { cards: { card: object }[] };
    expect(feed.cards.some((c) => JSON.stringify(c.card).includes('Fatma (demo)'))).toBe(true);
    // Not loaded again into a database that holds people.
    expect(await loadDemoData(app.database.db, app.matcher, '2026-11-27')).toBeNull();
  });

  it('runs the whole loop with the same dialogue, validation, matcher and desk', async () => {
    const start = await turn({ text: '/start lier' });
    expect(start.rtl).toBe(true);
    expect(start.messages.at(-1)!.buttons[0]![0]!.data).toBe('lang:ar:lier');
    for (const data of ['lang:ar:lier', 'cons:y:ar:lier', 'name:y', 'place:y', 'neighbourhood:skip', 'goesting:d', 'skills:p:1', 'skills:t:sewing', 'skills:d', 'needs:d', 'ambition:d', 'availability:d', 'languages:t:nl', 'languages:d', 'summary:ok']) {
      const r = await turn({ button: data });
      if (data === 'summary:ok') expect(r.messages.at(-2)?.text).toContain('🎉');
    }
    // The provider pane: the Teams cards and validation, for the demo organisation.
    const help = (await post('provider', {})) as unknown as { card: object };
    expect(JSON.stringify(help.card)).toContain('"verb":"newAsk"');
    const form = (await post('provider', { verb: 'newAsk' })) as unknown as { card: object };
    expect(JSON.stringify(form.card)).toContain('"verb":"saveOffer"');
    const ask = { kind: 'ask', type: 'volunteering', categories: 'sewing', places: 'lier', languages: 'nl', contact: 'Jan' };
    const bad = (await post('provider', { verb: 'saveOffer', data: { ...ask, title: '' } })) as unknown as { card: object };
    expect(JSON.stringify(bad.card)).toContain('Vul dit in, alsjeblieft.');
    const good = (await post('provider', { verb: 'saveOffer', data: { ...ask, title: 'Wie kan naaien?', description: 'Naaiatelier zoekt hulp.' } })) as unknown as { card: object };
    expect(JSON.stringify(good.card)).toContain('Wie kan naaien?');
    const mine = (await post('provider', { verb: 'myOffers' })) as unknown as { card: object };
    expect(JSON.stringify(mine.card)).toContain('Wie kan naaien?');
    expect(JSON.stringify(mine.card)).toContain('Buurtrestaurant zoekt kookhulp'); // the demo organisation's own ask

    // The matchmaker feed: the Teams digest card of each suggestion.
    type FeedCard = { id: string; state: string; card: object };
    const feed = (await post('feed', {})) as unknown as { cards: FeedCard[] };
    const card = feed.cards.find((c) => JSON.stringify(c.card).includes('Samira') && JSON.stringify(c.card).includes('Wie kan naaien?'));
    expect(JSON.stringify(card?.card)).toContain('Over: 🧵 Naaien');
    expect(JSON.stringify(card?.card).match(/"verb":"(introduce|snooze|dismiss)","data"/g)).toHaveLength(3);

    const decided = (await post('decide', { matchId: card!.id, verb: 'introduce', data: { [`meet_${card!.id}`]: 'dinsdag 14u in het buurthuis' } })) as unknown as FeedCard & { ok: boolean };
    expect(decided).toMatchObject({ ok: true, state: 'introduced' });
    expect(JSON.stringify(decided.card)).toContain('dinsdag 14u in het buurthuis');
    expect(await post('decide', { matchId: 'not-a-match', verb: 'introduce' })).toEqual({ ok: false });
    expect(await post('decide', { matchId: card!.id, verb: 'delete' })).toEqual({ ok: false });
    await app.outbox.drain();
    const inbox = (await post('inbox', { resident: '7' })) as unknown as { messages: Message[] };
    const proposal = inbox.messages.at(-1)!;
    expect(proposal.text).toContain('🧵');
    const yes = proposal.buttons[0]![0]!;
    expect(yes.data).toMatch(/^intro:y:/);
    await turn({ button: yes.data });
    await app.outbox.drain();
    const after = (await post('feed', {})) as unknown as { cards: FeedCard[] };
    const updated = after.cards.find((c) => c.id === card!.id);
    expect(updated?.state).toBe('accepted');
    expect(JSON.stringify(updated?.card)).toContain('allebei ja');
    const told = (await post('inbox', { resident: '7' })) as unknown as { messages: Message[] };
    expect(told.messages.at(-1)!.text).toContain('Wie kan naaien?');
  });
});
