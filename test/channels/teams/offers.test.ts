/**
 * Providers in Teams, end to end: real activity shapes POSTed to /api/messages through the real
 * CloudAdapter and teams-ai, replies recorded by a local Bot Connector.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { offers, profileItems, teamsConversations } from '../../../src/db/schema/index.js';
import { rowsOf } from '../../../src/db/client.js';
import { createI18n, translator } from '../../../src/i18n/index.js';
import { cardTextOf, inputValue, OTHER_TENANT, register, startTeamsHarness, TeamsUser, TENANT, type TeamsHarness } from '../../support/teams-app.js';

let h: TeamsHarness;
const i18n = createI18n();
const tr = (lang: string, key: string, params: Record<string, string> = {}) =>
  translator(i18n, lang)({ key: `teams:${key}`, params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, { raw: v }])) });

beforeAll(async () => {
  h = await startTeamsHarness();
  await register(h.app, { tenant: TENANT });
});
afterAll(async () => {
  await h?.stop();
});

const sewing = {
  kind: 'ask',
  title: 'Naaiatelier zoekt iemand die kan naaien',
  description: 'Elke dinsdag herstellen we kleren samen.',
  type: 'volunteering',
  categories: 'sewing,crafts',
  places: 'lier',
  languages: 'nl,ar',
  startsOn: '2026-12-01',
  endsOn: '2027-03-31',
  capacity: '3',
  contact: 'Els, 03 123 45 67',
};

describe('a provider from a registered tenant', () => {
  it('gets the help card with buttons on any message, in their Teams language', async () => {
    const u = new TeamsUser(h, 'Marie Dubois', TENANT, 'fr-BE');
    expect((await u.say('bonjour')).status).toBe(200);
    const text = cardTextOf(u.cards.at(-1));
    expect(text).toContain(tr('fr', 'help.provider', { name: 'Marie Dubois', organisation: 'VDAB Lier' }));
    expect(text).toContain(tr('fr', 'help.newOffer'));
  });

  it('posts an ask with Action.Execute; it is stored as an offer and a matching item', async () => {
    const u = new TeamsUser(h, 'Els Peeters');
    const formCard = await u.execute('newAsk');
    expect(cardTextOf(formCard)).toContain(tr('nl', 'form.newAsk'));
    expect(cardTextOf(formCard)).toContain('🧵 Naaien');
    const saved = await u.execute('saveOffer', sewing);
    expect(cardTextOf(saved)).toContain(tr('nl', 'saved.created', { title: sewing.title }));
    const [offer] = await h.app.database.db.select().from(offers).where(eq(offers.title, sewing.title));
    expect(offer).toMatchObject({ kind: 'ask', type: 'volunteering', categories: ['sewing', 'crafts'], placeCodes: ['lier'], languages: ['nl', 'ar'], capacity: 3, status: 'open', authorAadId: u.aadObjectId });
    const items = await h.app.database.db.select().from(profileItems).where(eq(profileItems.offerId, offer!.id));
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: 'ask', categories: ['sewing', 'crafts'], languages: ['nl', 'ar'], participantId: null });
    expect(items[0]!.placeIds).toHaveLength(1);
  });

  it('shows what is wrong in the card, in their language, keeping what they typed', async () => {
    const u = new TeamsUser(h, 'Ayşe', TENANT, 'tr-TR');
    const card = await u.execute('saveOffer', { ...sewing, title: '', categories: 'sewing,not-a-category', endsOn: '2026-11-01', capacity: 'lots', places: 'mars' });
    const text = cardTextOf(card);
    expect(text).toContain(tr('tr', 'form.checkBelow'));
    expect(text).toContain(tr('tr', 'errors.required'));
    expect(text).toContain(tr('tr', 'errors.unknownChoice'));
    expect(text).toContain(tr('tr', 'errors.past'));
    expect(text).toContain(tr('tr', 'errors.capacity'));
    expect(inputValue(card, 'description')).toBe(sewing.description);
    expect(inputValue(card, 'contact')).toBe(sewing.contact);
    const count = rowsOf<{ n: number }>(await h.app.database.db.execute(sql`select count(*)::int as n from offers where contact = ${sewing.contact} and title = ''`));
    expect(Number(count[0]?.n)).toBe(0);
  });

  it('with no category chosen, ticks the ones its title and description say, and stores nothing yet', async () => {
    const u = new TeamsUser(h, 'Sofie');
    const card = await u.execute('saveOffer', { ...sewing, title: 'Herstelcafé voor kleren', categories: '' });
    expect(cardTextOf(card)).toContain(tr('nl', 'errors.pickOneSuggested'));
    expect(String(inputValue(card, 'categories')).split(',')).toContain('sewing');
    expect(await h.app.database.db.select().from(offers).where(eq(offers.title, 'Herstelcafé voor kleren'))).toHaveLength(0);
  });

  it('lists, edits and closes with Action.Submit; a closed offer stops matching', async () => {
    const u = new TeamsUser(h, 'Jan');
    await u.submit('saveOffer', { ...sewing, kind: 'offer', title: 'Cursus fietsherstel', categories: 'bike_repair', type: 'course' });
    expect(cardTextOf(u.cards.at(-1))).toContain(tr('nl', 'saved.created', { title: 'Cursus fietsherstel' }));
    await u.submit('myOffers');
    const list = u.cards.at(-1)!;
    expect(cardTextOf(list)).toContain('Cursus fietsherstel');
    const [offer] = await h.app.database.db.select().from(offers).where(eq(offers.title, 'Cursus fietsherstel'));
    await u.submit('editOffer', { offerId: offer!.id });
    expect(inputValue(u.cards.at(-1), 'title')).toBe('Cursus fietsherstel');
    await u.submit('saveOffer', { ...sewing, kind: 'offer', offerId: offer!.id, title: 'Fietsatelier', categories: 'bike_repair,odd_jobs', type: 'course' });
    expect(cardTextOf(u.cards.at(-1))).toContain(tr('nl', 'saved.updated', { title: 'Fietsatelier' }));
    const [item] = await h.app.database.db.select().from(profileItems).where(eq(profileItems.offerId, offer!.id));
    expect(item?.categories).toEqual(['bike_repair', 'odd_jobs']);
    await u.submit('closeOffer', { offerId: offer!.id });
    expect(cardTextOf(u.cards.at(-1))).toContain(tr('nl', 'saved.closed', { title: 'Fietsatelier' }));
    const [closed] = await h.app.database.db.select().from(offers).where(eq(offers.id, offer!.id));
    expect(closed?.status).toBe('closed');
    expect(await h.app.database.db.select().from(profileItems).where(eq(profileItems.offerId, offer!.id))).toHaveLength(0);
    await u.submit('editOffer', { offerId: offer!.id });
    expect(cardTextOf(u.cards.at(-1))).toContain(tr('nl', 'saved.notFound'));
  });

  it('cannot touch another organisation’s offer', async () => {
    await register(h.app, { tenant: OTHER_TENANT });
    const [offer] = await h.app.database.db.select().from(offers).where(eq(offers.title, sewing.title));
    const other = new TeamsUser(h, 'Intruder', OTHER_TENANT);
    const card = await other.execute('closeOffer', { offerId: offer!.id });
    expect(cardTextOf(card)).toContain(tr('nl', 'saved.notFound'));
    const [still] = await h.app.database.db.select().from(offers).where(eq(offers.id, offer!.id));
    expect(still?.status).toBe('open');
  });

  it('answers the typed commands "nieuw aanbod" and "my offers"', async () => {
    const u = new TeamsUser(h, 'Sofie');
    await u.say('nieuw aanbod');
    expect(cardTextOf(u.cards.at(-1))).toContain(tr('nl', 'form.newOffer'));
    await u.say('My offers');
    expect(cardTextOf(u.cards.at(-1))).toContain(tr('nl', 'list.title', { organisation: 'VDAB Lier' }));
  });
});

describe('who may do what', () => {
  it('refuses a person from an unknown tenant politely, and stores nothing', async () => {
    const u = new TeamsUser(h, 'Stranger', 'aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee', 'en-US');
    const card = await u.execute('saveOffer', sewing);
    expect(cardTextOf(card)).toContain(tr('en', 'refused.text'));
    await u.say('hello');
    expect(cardTextOf(u.cards.at(-1))).toContain(tr('en', 'help.unknown'));
    const stored = await h.app.database.db.select().from(offers).where(eq(offers.authorAadId, u.aadObjectId));
    expect(stored).toHaveLength(0);
  });

  it('rejects malformed activities with a 4xx', async () => {
    const res = await fetch(`${h.base}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type":' });
    expect(res.status).toBe(400);
    expect((await h.post({ hello: 'world' })).status).toBe(400);
    expect((await h.post({ type: 'message', text: 'no conversation, no sender' })).status).toBe(400);
    expect((await fetch(`${h.base}/api/messages`)).status).toBe(405);
  });

  it('serves the privacy page the app package links to, in every language', async () => {
    const res = await fetch(`${h.base}/privacy`);
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('dir="rtl"');
    expect(html).toContain(translator(i18n, 'uk')({ key: 'privacy.more' }).slice(0, 30));
  });
});

describe('matchmakers', () => {
  it('keeps their conversation reference and reaches them proactively', async () => {
    const u = new TeamsUser(h, 'Els (Stuyfplekhouder)');
    await register(h.app, { matchmakerAad: u.aadObjectId, place: 'lier' });
    await h.post(u.activity({ type: 'conversationUpdate', membersAdded: [{ id: 'BOT_ID_PLACEHOLDER' }] }));
    await u.say('hallo');
    expect(cardTextOf(u.cards.at(-1))).toContain(tr('nl', 'help.matchmaker', { places: 'Lier' }));
    const [stored] = await h.app.database.db.select().from(teamsConversations).where(eq(teamsConversations.aadObjectId, u.aadObjectId));
    expect(stored?.conversationId).toBe(u.conversationId);
    const sent = await h.app.teams.notifyMatchmakers('lier', (lang) => tr(lang, 'notify.connected', { place: 'Lier' }));
    expect(sent).toBe(1);
    expect(h.connector.texts(u.conversationId)).toContain(tr('nl', 'notify.connected', { place: 'Lier' }));
  });

  it('keeps the channel reference when a matchmaker installs the bot in a team', async () => {
    const u = new TeamsUser(h, 'Karim');
    await register(h.app, { matchmakerAad: u.aadObjectId, place: 'borgerhout' });
    const channel = `19:channel-${u.aadObjectId}@thread.tacv2`;
    const install = u.activity({
      type: 'installationUpdate',
      action: 'add',
      conversation: { conversationType: 'channel', tenantId: TENANT, id: channel },
      channelData: { tenant: { id: TENANT }, team: { id: channel } },
    });
    expect((await h.post(install)).status).toBeLessThan(300);
    const [stored] = await h.app.database.db.select().from(teamsConversations).where(eq(teamsConversations.conversationId, channel));
    expect(stored).toMatchObject({ aadObjectId: u.aadObjectId, kind: 'channel' });
    expect(await h.app.teams.notifyMatchmakers('borgerhout', () => 'test')).toBe(1);
    expect(h.connector.texts(channel)).toEqual(['test']);
  });
});
