/**
 * The whole loop, end to end through the real endpoints and the outbox: a resident who speaks
 * Arabic confirms a profile on Telegram → a provider posts a matching ask in Teams → the
 * matchmaker's card (reasons in Dutch) reaches the Bot Connector → *Introduce* → the proposal
 * reaches the fake Bot API (after a 429 and a 500) → *Yes* → the provider is told, the card updates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { matches, outbox } from '../../src/db/schema/index.js';
import { rowsOf } from '../../src/db/client.js';
import { createI18n, translator } from '../../src/i18n/index.js';
import { intakeByTaps } from '../support/intake.js';
import { startHarness, type Harness } from '../support/telegram-app.js';
import { startFakeBotConnector, type FakeBotConnector } from '../support/fake-bot-connector.js';
import { cardTextOf, register, TeamsUser, TENANT, type TeamsHarness } from '../support/teams-app.js';
import { tablesMentioning } from '../support/inspect.js';
import { addResident } from '../support/people.js';

let h: Harness;
let connector: FakeBotConnector;
let teams: TeamsHarness;
const i18n = createI18n();
const t = (lang: string, key: string) => translator(i18n, lang)({ key });

beforeAll(async () => {
  h = await startHarness('webhook', undefined, { outbox: 'manual', env: { NOTIFY_DIGEST_SECONDS: '0' } });
  connector = await startFakeBotConnector();
  teams = {
    app: h.app,
    connector,
    base: h.base,
    async post(activity, headers = {}) {
      const res = await fetch(`${h.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(activity) });
      await h.app.background.drain();
      return res;
    },
    stop: async () => undefined,
  };
});
afterAll(async () => {
  await connector?.close();
  await h?.stop();
});

/** Runs the outbox until nothing is due, as the worker would. */
async function deliver() {
  await h.app.outbox.drain();
  await h.app.telegram?.drain();
}

describe('introductions', () => {
  it('goes from a match to a double opt-in and tells everyone, each message once', async () => {
    const matchmaker = new TeamsUser(teams, 'Els');
    await register(h.app, { tenant: TENANT, matchmakerAad: matchmaker.aadObjectId, place: 'lier' });
    await matchmaker.say('hallo'); // the matchmaker's chat is now known

    const amina = h.user(840_000_001, 'Amina', 'ar');
    await intakeByTaps(amina, 'ar'); // skills: sewing, at Lier, speaks ar + en

    const provider = new TeamsUser(teams, 'Jan (Naaiatelier)');
    await provider.say('hello'); // the provider's chat is known too
    await provider.execute('saveOffer', {
      kind: 'ask', title: 'Wie kan naaien?', description: 'Ons naaiatelier zoekt hulp.', type: 'volunteering',
      categories: 'sewing', places: 'lier', languages: 'nl,en', contact: 'Jan, 03 222 33 44',
    });
    const [match] = await h.app.database.db.select().from(matches).where(eq(matches.kind, 'complement'));
    expect(match?.state).toBe('suggested');

    // The digest reaches the matchmaker's chat, in Dutch, with the reasons.
    await deliver();
    const card = connector.cards(matchmaker.conversationId).at(-1);
    const text = cardTextOf(card);
    expect(text).toContain('Nieuwe voorstellen voor Lier');
    expect(text).toContain('Amina');
    expect(text).toContain('Wie kan naaien? (VDAB Lier)');
    expect(text).toContain('Over: 🧵 Naaien');
    expect(text).toContain('🤝 Voorstellen');

    // Introduce: the resident is asked on Telegram — after Telegram said 429 once, then 500 once.
    const refreshed = await matchmaker.execute('introduce', { matchId: match!.id, matchIds: [match!.id] });
    expect(cardTextOf(refreshed)).toContain('gevraagd');
    h.api.failNext('sendMessage', [{ status: 429, retryAfter: 1 }, { status: 500 }]);
    await deliver();
    await new Promise((r) => setTimeout(r, 1100));
    await deliver();
    await new Promise((r) => setTimeout(r, 2500));
    await deliver();
    const proposals = amina.messages.filter((m) => m.buttons.flat().some((b) => b.data.startsWith('intro:')));
    expect(proposals).toHaveLength(1);
    expect(proposals[0]!.text).toContain('🧵');
    expect(proposals[0]!.text).not.toContain('Jan');
    expect(proposals[0]!.text).not.toContain('naaien?');

    // Yes: for a provider's ask the resident's yes is enough.
    await amina.tap(t('ar', 'intro.yes'));
    expect(amina.messages.at(-1)!.text).toBe(t('ar', 'intro.thanks.yes'));
    await deliver();
    expect(amina.last.text).toContain('Wie kan naaien?');
    expect(amina.last.text).toContain('Jan, 03 222 33 44');
    expect(connector.texts(provider.conversationId).at(-1)).toContain('Amina');
    const update = connector.calls.filter((c) => c.method === 'PUT' && c.conversationId === matchmaker.conversationId).at(-1);
    expect(cardTextOf(update?.body.attachments)).toContain('allebei ja');
    const [after] = await h.app.database.db.select().from(matches).where(eq(matches.id, match!.id));
    expect(after?.state).toBe('accepted');

    // Nothing is left to send, and nothing was sent twice.
    await deliver();
    const counts = rowsOf<{ status: string; kind: string }>(await h.app.database.db.execute(sql`select distinct status, kind from outbox where status <> 'sent'`));
    expect(counts).toEqual([{ status: 'pending', kind: 'followup' }]); // the follow-up waits a week
    expect(amina.messages.filter((m) => m.text === amina.last.text)).toHaveLength(1);
  });

  it('asks a week later whether they met, and what came of it', async () => {
    const amina = h.user(840_000_001, 'Amina', 'ar');
    // A week passes.
    await h.app.database.db.execute(sql`update outbox set next_attempt_at = now() where kind = 'followup'`);
    await deliver();
    expect(amina.last.text).toBe(t('ar', 'followup.ask'));
    await amina.tap(t('ar', 'followup.met'));
    expect(amina.last.text).toBe(t('ar', 'followup.outcomeAsk'));
    await amina.tap(t('ar', 'outcome.volunteering'));
    const [member] = rowsOf<{ met: string; outcome: string; state: string }>(
      await h.app.database.db.execute(sql`select mm.met, mm.outcome, m.state from match_members mm join matches m on m.id = mm.match_id
        join channel_identities ci on ci.participant_id = mm.participant_id where ci.external_id = '840000001'`),
    );
    expect(member).toEqual({ met: 'met', outcome: 'volunteering', state: 'met' });
    await deliver();
    const update = connector.calls.filter((c) => c.method === 'PUT').at(-1);
    expect(cardTextOf(update?.body.attachments)).toContain('ontmoet');
  });

  it('sends the matchmaker a referral card when a resident asks to be called — flags only', async () => {
    const u = h.user(840_000_003, 'Lina', 'nl');
    await intakeByTaps(u, 'nl'); // flags housing
    await u.send('/help');
    await u.tap(t('nl', 'help.call'));
    await deliver();
    const matchmakerCards = connector.calls.filter((c) => c.method === 'POST').map((c) => cardTextOf(c.body.attachments)).filter((x) => x.includes('Graag bellen'));
    expect(matchmakerCards.at(-1)).toContain('Graag bellen: Lina');
    expect(matchmakerCards.at(-1)).toContain('Wonen');
    expect(matchmakerCards.at(-1)).toContain('CAW');
  });

  it('sends the proposals held back once the resident says "yes, keep asking"', async () => {
    const u = h.user(840_000_005, 'Lina', 'nl');
    await intakeByTaps(u, 'nl'); // skills: sewing
    for (const n of [1, 2, 3, 4, 5]) await addResident(h.app.database.db, { name: `Naaister ${n}`, languages: ['nl'], items: [{ kind: 'need', categories: ['sewing'] }] });
    const [lina] = rowsOf<{ id: string }>(await h.app.database.db.execute(sql`select participant_id as id from channel_identities where external_id = '840000005'`));
    await h.app.matcher.matchParticipant(lina!.id);
    const open = rowsOf<{ id: string }>(
      await h.app.database.db.execute(sql`select m.id from matches m join match_members mm on mm.match_id = m.id
        where mm.participant_id = ${lina!.id} and m.kind = 'complement' and m.state = 'suggested' order by m.score desc`),
    );
    const els = new TeamsUser(teams, 'Els');
    await register(h.app, { matchmakerAad: els.aadObjectId, place: 'lier' });
    for (const m of open.slice(0, 5)) await els.execute('introduce', { matchId: m.id, matchIds: [m.id] });
    await deliver();
    const proposals = () => u.messages.filter((m) => m.buttons.flat().some((b) => b.data.startsWith('intro:y:')));
    expect(proposals()).toHaveLength(3);
    expect(u.last.text).toBe(t('nl', 'still.ask'));
    await u.tap(t('nl', 'still.yes'));
    await deliver();
    expect(proposals()).toHaveLength(5);
    const asked = new Set(proposals().map((m) => m.buttons.flat().find((b) => b.data.startsWith('intro:y:'))!.data.slice('intro:y:'.length)));
    expect(asked).toEqual(new Set(open.slice(0, 5).map((m) => m.id)));
    await u.tap(t('nl', 'still.yes')); // tapping again sends nothing twice
    await deliver();
    expect(proposals()).toHaveLength(5);
  });

  it('after three unanswered proposals asks once, gently, whether they are still interested; a paused resident is not asked', async () => {
    const u = h.user(840_000_004, 'Karim', 'ar');
    await intakeByTaps(u, 'ar'); // skills: sewing
    for (const n of [1, 2, 3, 4]) await addResident(h.app.database.db, { name: `Buur ${n}`, languages: ['en'], items: [{ kind: 'need', categories: ['sewing'] }] });
    const [karim] = rowsOf<{ id: string }>(await h.app.database.db.execute(sql`select participant_id as id from channel_identities where external_id = '840000004'`));
    await h.app.matcher.matchParticipant(karim!.id);
    const open = rowsOf<{ id: string }>(
      await h.app.database.db.execute(sql`select m.id from matches m join match_members mm on mm.match_id = m.id
        where mm.participant_id = ${karim!.id} and m.kind = 'complement' and m.state = 'suggested' order by m.score desc`),
    );
    expect(open.length).toBeGreaterThanOrEqual(4);
    const els = new TeamsUser(teams, 'Els');
    await register(h.app, { matchmakerAad: els.aadObjectId, place: 'lier' });
    for (const m of open.slice(0, 4)) await els.execute('introduce', { matchId: m.id, matchIds: [m.id] });
    await deliver();
    const asked = u.messages.filter((m) => m.buttons.flat().some((b) => b.data.startsWith('intro:')));
    expect(asked).toHaveLength(3);
    expect(u.last.text).toBe(t('ar', 'still.ask'));
    await u.tap(t('ar', 'still.pause'));
    expect(u.last.text).toBe(t('ar', 'pause.done'));
    const more = rowsOf<{ id: string }>(await h.app.database.db.execute(sql`select m.id from matches m join match_members mm on mm.match_id = m.id where mm.participant_id = ${karim!.id} and m.state = 'suggested' limit 1`));
    if (more[0]) await els.execute('introduce', { matchId: more[0].id, matchIds: [more[0].id] });
    await deliver();
    expect(u.messages.filter((m) => m.buttons.flat().some((b) => b.data.startsWith('intro:')))).toHaveLength(3);
  });

  it('forget removes the person from every match and pending message', async () => {
    const u = h.user(840_000_002, 'Omar', 'tr');
    await intakeByTaps(u, 'tr');
    await u.send('/forget');
    await u.tap(t('tr', 'forget.yes'));
    expect(await tablesMentioning(h.app.database.db, String(u.id))).toEqual([]);
    const pending = await h.app.database.db.select().from(outbox).where(eq(outbox.status, 'pending'));
    expect(pending.every((row) => !JSON.stringify(row.payload).includes(String(u.id)))).toBe(true);
  });
});
