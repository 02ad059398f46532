/**
 * The playground API end to end on the embedded database: a resident's intake in the web chat,
 * a provider's ask through the same validation as Teams, the match in the matchmaker feed,
 * *Introduce*, the proposal in the resident's chat, *Yes*, the card updated.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../../src/app.js';
import { loadConfig } from '../../../src/config.js';
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
    expect(html).toContain('Nieuw aanbod');
  });

  it('runs the whole loop with the same dialogue, validation, matcher and desk', async () => {
    const start = await turn({ text: '/start lier' });
    expect(start.rtl).toBe(true);
    expect(start.messages.at(-1)!.buttons[0]![0]!.data).toBe('lang:ar:lier');
    for (const data of ['lang:ar:lier', 'cons:y:ar:lier', 'name:y', 'place:y', 'neighbourhood:skip', 'goesting:d', 'skills:p:1', 'skills:t:sewing', 'skills:d', 'needs:d', 'ambition:d', 'availability:d', 'languages:t:nl', 'languages:d', 'summary:ok']) {
      const r = await turn({ button: data });
      if (data === 'summary:ok') expect(r.messages.at(-2)?.text).toContain('🎉');
    }
    const bad = await post('offers', { kind: 'ask', title: '', type: 'volunteering', categories: 'sewing', places: 'lier', languages: 'nl', contact: 'Jan' });
    expect(bad).toMatchObject({ ok: false, errors: { title: 'Vul dit in, alsjeblieft.', description: 'Vul dit in, alsjeblieft.' } });
    const good = await post('offers', { kind: 'ask', title: 'Wie kan naaien?', description: 'Naaiatelier zoekt hulp.', type: 'volunteering', categories: 'sewing', places: 'lier', languages: 'nl', contact: 'Jan' });
    expect(good).toMatchObject({ ok: true });

    const feed = (await post('feed', {})) as unknown as { cards: { id: string; who: string; reasons: string[]; actions: { verb: string }[] }[] };
    const card = feed.cards.find((c) => c.who.includes('Samira') && c.who.includes('Wie kan naaien?'));
    expect(card?.reasons).toContain('Over: 🧵 Naaien');
    expect(card?.actions.map((a) => a.verb)).toEqual(['introduce', 'snooze', 'dismiss']);

    expect(await post('decide', { matchId: card!.id, verb: 'introduce' })).toEqual({ ok: true });
    await app.outbox.drain();
    const inbox = (await post('inbox', { resident: '7' })) as unknown as { messages: Message[] };
    const proposal = inbox.messages.at(-1)!;
    expect(proposal.text).toContain('🧵');
    const yes = proposal.buttons[0]![0]!;
    expect(yes.data).toMatch(/^intro:y:/);
    await turn({ button: yes.data });
    await app.outbox.drain();
    const after = (await post('feed', {})) as unknown as { cards: { id: string; title: string }[] };
    expect(after.cards.find((c) => c.id === card!.id)?.title).toContain('allebei ja');
    const told = (await post('inbox', { resident: '7' })) as unknown as { messages: Message[] };
    expect(told.messages.at(-1)!.text).toContain('Wie kan naaien?');
  });
});
