/**
 * The matchmaker's decisions commit with the card updates they cause, or not at all: a dismissal
 * whose card refresh cannot be written leaves the match as it was (it used to be dismissed while
 * the card kept showing the old buttons).
 */
import { describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { DEFAULT_MATCHING } from '../../src/core/matching/config.js';
import { createMatcher } from '../../src/core/matching/matcher.js';
import { createMatchingStore } from '../../src/db/repositories/matching-store.js';
import { channelIdentities, matches, outbox, teamsConversations } from '../../src/db/schema/index.js';
import { createMatchDesk } from '../../src/services/desk.js';
import { useTestDatabase } from '../support/db.js';
import { addResident } from '../support/people.js';

const test = useTestDatabase({ seed: true });
const db = () => test().handle.db;

async function suggestionOnACard(): Promise<string> {
  const ann = await addResident(db(), { name: 'Ann', items: [{ kind: 'need', categories: ['sewing'] }] });
  const omar = await addResident(db(), { name: 'Omar', items: [{ kind: 'skill', categories: ['sewing'] }] });
  await db().insert(channelIdentities).values([
    { participantId: ann, channel: 'telegram', externalId: '601', chatId: '601' },
    { participantId: omar, channel: 'telegram', externalId: '602', chatId: '602' },
  ]);
  await createMatcher(createMatchingStore(db()), DEFAULT_MATCHING).matchParticipant(ann);
  const [match] = await db().select().from(matches);
  await db().insert(teamsConversations).values({ conversationId: 'conv-1', aadObjectId: 'aad-1', kind: 'personal', reference: { conversation: { id: 'conv-1' } } });
  await createMatchDesk(db(), DEFAULT_MATCHING.dismissPenalty).recordCard([match!.id], 'conv-1', 'activity-1');
  return match!.id;
}

describe('the desk', () => {
  it('dismisses and refreshes the card in one transaction: a failed refresh keeps the match open', async () => {
    const matchId = await suggestionOnACard();
    const desk = createMatchDesk(db(), DEFAULT_MATCHING.dismissPenalty);
    await db().execute(sql`create function refuse_card_update() returns trigger language plpgsql as $$
      begin if new.kind = 'card.update' then raise exception 'outbox unavailable'; end if; return new; end $$`);
    await db().execute(sql`create trigger refuse_card_update before insert on outbox for each row execute function refuse_card_update()`);
    await expect(desk.dismiss(matchId, 'they know each other')).rejects.toThrow();
    const [kept] = await db().select({ state: matches.state, reason: matches.dismissReason }).from(matches).where(eq(matches.id, matchId));
    expect(kept).toEqual({ state: 'suggested', reason: null });

    await db().execute(sql`drop trigger refuse_card_update on outbox`);
    expect(await desk.dismiss(matchId, 'they know each other')).toBe(true);
    const [dismissed] = await db().select({ state: matches.state }).from(matches).where(eq(matches.id, matchId));
    expect(dismissed!.state).toBe('dismissed');
    const updates = await db().select({ dedupeKey: outbox.dedupeKey }).from(outbox).where(eq(outbox.kind, 'card.update'));
    expect(updates.map((u) => u.dedupeKey)).toEqual([`update:activity-1:${matchId}:dismissed`]);
  });
});
