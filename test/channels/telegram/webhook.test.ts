/**
 * End to end: HTTP webhook → grammY → dialogue → database, replies captured by a local fake
 * Bot API server reached through TELEGRAM_API_ROOT. Residents only tap visible buttons.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { channelIdentities, consents, matchMembers, participants, profileItems } from '../../../src/db/schema/index.js';
import { addResident } from '../../support/people.js';
import { intakeByTaps, tax } from '../../support/intake.js';
import { label, render, startHarness, type Harness } from '../../support/telegram-app.js';
import { count, tablesMentioning } from '../../support/inspect.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness('webhook');
});
afterAll(async () => {
  await h?.stop();
});

async function storedProfile(telegramId: number) {
  const db = h.app.database.db;
  const [identity] = await db.select().from(channelIdentities).where(eq(channelIdentities.externalId, String(telegramId)));
  if (!identity) return undefined;
  const [participant] = await db.select().from(participants).where(eq(participants.id, identity.participantId));
  const items = await db.select().from(profileItems).where(eq(profileItems.participantId, identity.participantId));
  const given = await db.select().from(consents).where(eq(consents.participantId, identity.participantId));
  return { participant: participant!, items, consents: given };
}

describe.each([
  ['nl', 710_000_001, 'Sofie', 'nl'],
  ['ar', 710_000_002, 'Amina', 'ar'],
])('a new resident in %s, by taps alone', (lang, id, name, code) => {
  it('finishes the intake and finds it in the database', async () => {
    const u = h.user(id, name, code);
    await intakeByTaps(u, lang);
    expect(u.messages.at(-2)!.text).toBe(render(lang, 'summary.saved', { place: 'Lier' }));
    expect(u.last.text).toBe(label(lang, 'done.menu'));
    const stored = await storedProfile(id);
    expect(stored?.participant).toMatchObject({ displayName: name, language: lang, status: 'active', sensitiveFlags: ['housing'] });
    expect(stored?.participant.spokenLanguages).toEqual([lang, 'en']);
    expect(stored?.participant.availability).toHaveLength(21);
    const byKind = Object.fromEntries(stored!.items.map((i) => [i.kind, i.categories]));
    expect(byKind).toEqual({ goesting: ['cooking', 'sewing'], skill: ['sewing'], ambition: ['learn_dutch'] });
    expect(stored?.consents.map((c) => c.purpose).sort()).toEqual(['matchmaker', 'profile']);
  });
});

describe('privacy', () => {
  it('stores nothing before consent, nor after No', async () => {
    const u = h.user(720_000_001, 'Noor', 'fr');
    await u.send('/start');
    await u.tap(tax('fr', 'langName.fr'));
    await u.tap(label('fr', 'consent.more'));
    await u.tap(label('fr', 'consent.no'));
    expect(u.last.text).toBe(label('fr', 'consent.declined'));
    expect(await tablesMentioning(h.app.database.db, String(u.id))).toEqual([]);
    expect(await tablesMentioning(h.app.database.db, 'Noor')).toEqual([]);
  });

  it('/forget erases the person from every table after one confirmation', async () => {
    const u = h.user(730_000_001, 'Yusuf', 'tr');
    await intakeByTaps(u, 'tr');
    await u.voice('VOICE-FORGET');
    expect(await tablesMentioning(h.app.database.db, String(u.id))).not.toEqual([]);
    const before = await count(h.app.database.db, 'participants');
    await u.send('/forget');
    await u.tap(label('tr', 'forget.yes'));
    expect(u.last.text).toBe(label('tr', 'forget.done'));
    expect(await tablesMentioning(h.app.database.db, String(u.id))).toEqual([]);
    expect(await tablesMentioning(h.app.database.db, 'Yusuf')).toEqual([]);
    expect(await count(h.app.database.db, 'participants')).toBe(before - 1);
  });
});

describe('the webhook refuses what is not a genuine update', () => {
  it('401 without or with a wrong secret, and nothing is handled', async () => {
    const u = h.user(740_000_001, 'Eva');
    const update = u.messageUpdate({ text: '/start' });
    expect((await h.post(update, {})).status).toBe(401);
    expect((await h.post(update, { 'x-telegram-bot-api-secret-token': 'wrong' })).status).toBe(401);
    expect(u.messages).toHaveLength(0);
  });

  it('400 for malformed JSON or a non-update, 413 when oversized, 405 for GET', async () => {
    expect((await h.post('{"update_id": 1, ')).status).toBe(400);
    expect((await h.post({ hello: 'world' })).status).toBe(400);
    expect((await h.post({ update_id: 'x' })).status).toBe(400);
    const big = JSON.stringify({ update_id: 5, message: { text: 'x'.repeat(2 * 1024 * 1024) } });
    expect((await h.post(big)).status).toBe(413);
    expect((await fetch(`${h.base}/telegram/webhook`)).status).toBe(405);
    const health = await fetch(`${h.base}/healthz`);
    expect(await health.json()).toMatchObject({ status: 'ok', database: true, outbox: expect.any(Object) });
  });
});

describe('hostile and unexpected input', () => {
  it('answers stickers, photos, locations and edits kindly and keeps the step', async () => {
    const u = h.user(750_000_001, 'Olena', 'uk');
    await u.send('/start');
    await u.tap(tax('uk', 'langName.uk'));
    await u.tap(label('uk', 'consent.yes'));
    const kinds = [
      { sticker: { file_id: 'S', file_unique_id: 'S', type: 'regular', width: 1, height: 1, is_animated: false, is_video: false } },
      { photo: [{ file_id: 'P', file_unique_id: 'P', width: 1, height: 1 }] },
      { location: { latitude: 51.1, longitude: 4.5 } },
    ];
    for (const extra of kinds) {
      const res = await h.post(u.messageUpdate(extra));
      expect(res.status).toBe(200);
      expect(u.messages.at(-2)!.text).toBe(label('uk', 'common.unsupported'));
    }
    const edited = u.messageUpdate({ text: 'edited', edit_date: 1 });
    const res = await h.post({ update_id: edited.update_id, edited_message: edited.message });
    expect(res.status).toBe(200);
    expect(u.messages.at(-2)!.text).toBe(label('uk', 'common.unsupported'));
    expect(u.last.text).toContain('Olena');
  });

  it('keeps 5,000 characters, control and bidi characters out of storage', async () => {
    const u = h.user(750_000_002, 'Ion', 'ro');
    await u.send('/start');
    await u.tap(tax('ro', 'langName.ro'));
    await u.tap(label('ro', 'consent.yes'));
    await u.send('\u202E'.repeat(3) + 'x'.repeat(5000));
    expect(u.last.text).toBe(render('ro', 'name.invalid', { max: '40' }));
    await u.send('I\u202Eon\u0007');
    expect(u.last.text).toBe(label('ro', 'place.ask')); // the next question: the name was accepted, cleaned
    const stored = await storedProfile(u.id);
    expect(stored?.participant.displayName).toBe('Ion');
  });

  it('answers a stale button or one that is not theirs without changing anything', async () => {
    const u = h.user(750_000_003, 'Sara', 'en');
    await u.send('/start');
    await u.tap(tax('en', 'langName.en'));
    await u.tap(label('en', 'consent.yes'));
    const nameQuestion = u.last;
    await u.tap(label('en', 'common.yes'));
    const before = await storedProfile(u.id);
    // The old name question again, a forged category and a button from someone else's chat:
    await h.post(u.callbackUpdate(nameQuestion, 'name:y'));
    await h.post(u.callbackUpdate(nameQuestion, 'goesting:t:../../etc'));
    await h.post(u.callbackUpdate({ ...nameQuestion, chatId: 999 }, 'place:s:nowhere'));
    const toasts = h.api.calls.filter((c) => c.method === 'answerCallbackQuery').slice(-3);
    expect(toasts.map((c) => c.payload.text)).toEqual(Array(3).fill(label('en', 'common.stale')));
    const after = await storedProfile(u.id);
    expect(after?.participant.placeId).toBe(before?.participant.placeId ?? null);
    expect(h.api.calls.some((c) => c.method.startsWith('edit') && c.payload.chat_id === 999)).toBe(false);
  });

  it('handles the same update delivered three times once', async () => {
    const u = h.user(760_000_001, 'Tom', 'nl');
    const update = u.messageUpdate({ text: '/start' });
    for (let i = 0; i < 3; i++) expect((await h.post(update)).status).toBe(200);
    expect(u.messages).toHaveLength(2);
    await u.tap(tax('nl', 'langName.nl'));
    await u.tap(label('nl', 'consent.yes'));
    const tap = u.callbackUpdate(u.last, 'name:y');
    for (let i = 0; i < 3; i++) await h.post(tap);
    expect(u.messages.filter((m) => m.text === label('nl', 'place.ask'))).toHaveLength(1);
  });
});

/** From /start to the neighbourhood question, in Borgerhout, by taps in `lang`. */
async function upToNeighbourhood(id: number, name: string, lang: string) {
  const u = h.user(id, name, lang);
  await u.send('/start');
  await u.tap(tax(lang, `langName.${lang}`));
  await u.tap(label(lang, 'consent.yes'));
  await u.tap(label(lang, 'common.yes'));
  await u.tap('Borgerhout');
  return u;
}

describe('resume and own words', () => {
  it('resumes days later where the resident stopped, and confirms free text', async () => {
    const u = await upToNeighbourhood(770_000_001, 'Fatma', 'tr');
    await u.send('Kiel');
    expect(u.last.text).toBe(label('tr', 'goesting.ask'));
    // Days later, a fresh /start continues at the same question.
    await u.send('/start');
    expect(u.messages.at(-2)!.text).toBe(label('tr', 'start.welcomeBack'));
    expect(u.last.text).toBe(label('tr', 'goesting.ask'));
    await u.send('bisiklet tamir edebilirim');
    await u.tap(tax('tr', 'cat.bike_repair'));
    expect(u.messages.at(-2)!.text).toContain(tax('tr', 'cat.bike_repair'));
    await u.voice('VOICE-42');
    expect(u.messages.at(-2)!.text).toBe(label('tr', 'picker.voiceKept'));
    const stored = await storedProfile(u.id);
    expect(stored?.participant.neighbourhood).toBe('Kiel');
  });
});

describe('own words in Darija, on the wire', () => {
  it('offers what she can do and not what she says she cannot; a sensitive caption is kept as a flag only', async () => {
    const u = await upToNeighbourhood(770_000_002, 'Khadija', 'ar');
    await u.tap(label('ar', 'common.skip'));
    await u.send('ما كنعرفش نطيب، ولكن كنخيط الحوايج ديال الدراري');
    const offered = u.last.buttons.flat().map((b) => b.text);
    expect(offered.some((t) => t.includes(tax('ar', 'cat.sewing')))).toBe(true);
    expect(offered.some((t) => t.includes(tax('ar', 'cat.cooking')))).toBe(false);
    expect(offered.length).toBeLessThanOrEqual(4);
    await u.tap(tax('ar', 'cat.sewing'));
    await u.tap(label('ar', 'picker.done').split('(')[0]!.trim());
    expect(u.last.text).toBe(label('ar', 'skills.ask'));
    await u.tap(label('ar', 'picker.skip'));
    expect(u.last.text).toBe(label('ar', 'needs.ask'));
    await u.voice('VOICE-77', 'مول الدار بغا يخرجنا حيت ما خلصناش الكرا');
    expect(u.messages.map((m) => m.text)).toContain(label('ar', 'picker.sensitiveNoted'));
    expect(await tablesMentioning(h.app.database.db, 'الكرا')).toEqual([]);
  });
});

describe('several things in one answer, on the wire', () => {
  it('offers the other suggestions after the first tap', async () => {
    const u = await upToNeighbourhood(770_000_004, 'Mieke', 'nl');
    await u.tap(label('nl', 'common.skip'));
    await u.send('ik kook graag en ik naai kleren');
    await u.tap(tax('nl', 'cat.cooking'));
    expect(u.last.text).toBe(label('nl', 'picker.alsoThese'));
    expect(u.last.buttons.flat().map((b) => b.text).some((t) => t.includes(tax('nl', 'cat.cooking')))).toBe(false);
    await u.tap(tax('nl', 'cat.sewing'));
    expect(u.last.text).toBe(label('nl', 'goesting.ask'));
    const added = u.messages.filter((m) => m.text.startsWith('✅'));
    expect(added.map((m) => m.text).join(' ')).toContain(tax('nl', 'cat.sewing'));
  });
});

describe('own words at the needs question, on the wire', () => {
  /** From /start to the needs question, skipping the neighbourhood, goesting and skills. */
  async function upToNeeds(id: number, name: string, lang: string) {
    const u = await upToNeighbourhood(id, name, lang);
    await u.tap(label(lang, 'common.skip'));
    await u.tap(label(lang, 'picker.skip'));
    await u.tap(label(lang, 'picker.skip'));
    expect(u.last.text).toBe(label(lang, 'needs.ask'));
    return u;
  }

  it('keeps no words it did not understand there, and says so', async () => {
    const u = await upToNeeds(770_000_003, 'Ioana', 'ro');
    await u.send('as vrea mai multe banci in parcul nostru');
    expect(u.messages.at(-2)!.text).toBe(label('ro', 'picker.notKept'));
    expect(u.last.text).toBe(label('ro', 'needs.ask'));
    expect(await tablesMentioning(h.app.database.db, 'banci')).toEqual([]);
  });

  it('keeps the topic it understood but not the words, says so before they type, and no table holds them', async () => {
    const u = await upToNeeds(770_000_005, 'Mehmet', 'tr');
    await u.tap(label('tr', 'picker.ownWords'));
    expect(u.last.text).toBe(label('tr', 'picker.ownWordsHintNeeds'));
    await u.send('bisikletimi tamir edecek biri lazim, zinciri koptu');
    await u.tap(tax('tr', 'cat.bike_repair'));
    expect(u.messages.map((m) => m.text).join(' ')).toContain(tax('tr', 'cat.bike_repair'));
    expect(await tablesMentioning(h.app.database.db, 'zinciri')).toEqual([]);
  });
});

describe('later changes', () => {
  it('changes a part from /profile, stores the new profile, and shows it on /mydata', async () => {
    const u = h.user(780_000_001, 'Ali', 'fa');
    await intakeByTaps(u, 'fa');
    await u.send('/profile');
    await u.tap(label('fa', 'summary.change.skills'));
    await u.tap(tax('fa', 'cat.baking'));
    await u.tap(label('fa', 'picker.done').split('(')[0]!.trim());
    expect(u.messages.at(-2)!.text).toContain(tax('fa', 'cat.baking'));
    await u.tap(label('fa', 'summary.confirm'));
    const stored = await storedProfile(u.id);
    expect(stored?.items.find((i) => i.kind === 'skill')?.categories).toEqual(['sewing', 'baking']);
    await u.send('/mydata');
    expect(u.messages.at(-2)!.text).toContain('Ali');
    expect(u.last.text).toBe(label('fa', 'mydata.outro'));
  });
});

describe('matching after the intake', () => {
  it('suggests a connection as soon as a profile is confirmed', async () => {
    const db = h.app.database.db;
    const neighbour = await addResident(db, { name: 'Wendy', languages: ['nl', 'en'], items: [{ kind: 'need', categories: ['sewing'] }] });
    const u = h.user(790_000_001, 'Samira', 'ar');
    await intakeByTaps(u, 'ar');
    const stored = await storedProfile(u.id);
    const rows = await db
      .select({ participantId: matchMembers.participantId, role: matchMembers.role })
      .from(matchMembers)
      .where(inArray(matchMembers.participantId, [neighbour, stored!.participant.id]));
    expect(rows).toContainEqual({ participantId: neighbour, role: 'receives' });
    expect(rows).toContainEqual({ participantId: stored!.participant.id, role: 'gives' });
  });
});
