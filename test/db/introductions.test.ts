/** Introduce with a proposed moment and place: once both said yes, both are told where and when. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { DEFAULT_MATCHING } from '../../src/core/matching/config.js';
import { createMatcher } from '../../src/core/matching/matcher.js';
import { createMatchingStore } from '../../src/db/repositories/matching-store.js';
import { createMatchDesk } from '../../src/services/desk.js';
import { answerIntroduction } from '../../src/services/introductions.js';
import { seedPlaces } from '../../src/db/seed.js';
import { channelIdentities, matches, outbox } from '../../src/db/schema/index.js';
import { openTestDatabase, type TestDatabase } from '../support/db.js';
import { addResident } from '../support/people.js';

let test: TestDatabase;
const db = () => test.handle.db;
beforeAll(async () => {
  test = await openTestDatabase();
  await seedPlaces(db());
});
afterAll(async () => {
  await test.close();
});

async function onTelegram(participantId: string, chat: string) {
  await db().insert(channelIdentities).values({ participantId, channel: 'telegram', externalId: chat, chatId: chat });
}

describe('how to meet', () => {
  it('shares first names and the proposed moment only after both said yes', async () => {
    const ann = await addResident(db(), { name: 'Ann Peeters', items: [{ kind: 'need', categories: ['bike_repair'] }] });
    const omar = await addResident(db(), { name: 'Omar El A.', items: [{ kind: 'skill', categories: ['bike_repair'] }] });
    await onTelegram(ann, '501');
    await onTelegram(omar, '502');
    await createMatcher(createMatchingStore(db()), DEFAULT_MATCHING).matchParticipant(ann);
    const [match] = await db().select().from(matches);
    const desk = createMatchDesk(db(), DEFAULT_MATCHING.dismissPenalty);
    expect(await desk.introduce(match!.id, 'dinsdag 14u, Stuyfplek Lier')).toBe(true);
    const proposals = await db().select().from(outbox).where(eq(outbox.kind, 'proposal'));
    expect(proposals).toHaveLength(2);
    expect(JSON.stringify(proposals.map((p) => p.payload))).not.toMatch(/Ann|Omar|dinsdag/);

    await db().transaction((tx) => answerIntroduction(tx, ann, match!.id, 'yes'));
    expect(await db().select().from(outbox).where(eq(outbox.kind, 'accepted'))).toHaveLength(0);
    await db().transaction((tx) => answerIntroduction(tx, omar, match!.id, 'yes'));
    const told = await db().select().from(outbox).where(eq(outbox.kind, 'accepted'));
    const texts = told.map((t) => (t.payload as { chatId: string; text: { key: string; params: Record<string, { raw: string }> } }));
    expect(texts.map((t) => [t.chatId, t.text.key, t.text.params.names?.raw, t.text.params.meeting?.raw]).sort()).toEqual([
      ['501', 'intro.acceptedMeeting', 'Omar', 'dinsdag 14u, Stuyfplek Lier'],
      ['502', 'intro.acceptedMeeting', 'Ann', 'dinsdag 14u, Stuyfplek Lier'],
    ]);
    const [view] = await desk.views([match!.id]);
    expect(view).toMatchObject({ state: 'accepted', meetingNote: 'dinsdag 14u, Stuyfplek Lier' });
    expect(await db().select().from(outbox).where(eq(outbox.kind, 'followup'))).toHaveLength(2);
  });
});
