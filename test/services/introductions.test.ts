/** A group introduction goes ahead with as many yes as the configuration asks (`groupMin`), not a fixed three. */
import { describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { channelIdentities, matches, matchMembers, outbox } from '../../src/db/schema/index.js';
import { answerIntroduction, introduce } from '../../src/services/introductions.js';
import { useTestDatabase } from '../support/db.js';
import { addResident } from '../support/people.js';

const test = useTestDatabase({ seed: true });
const db = () => test().handle.db;

async function groupOf(names: string[], pairKey: string): Promise<{ matchId: string; people: string[] }> {
  const people: string[] = [];
  for (const [i, name] of names.entries()) {
    const id = await addResident(db(), { name, items: [{ kind: 'goesting', categories: ['cooking'] }] });
    await db().insert(channelIdentities).values({ participantId: id, channel: 'telegram', externalId: `${pairKey}${i}`, chatId: `${pairKey}${i}` });
    people.push(id);
  }
  const [match] = await db().insert(matches).values({ kind: 'group', pairKey, score: 0.8, reasons: [{ code: 'group', category: 'cooking', size: names.length }] }).returning();
  await db().insert(matchMembers).values(people.map((participantId) => ({ matchId: match!.id, participantId, role: 'member' })));
  await db().transaction((tx) => introduce(tx, match!.id));
  return { matchId: match!.id, people };
}

async function answer(matchId: string, people: string[], answers: ('yes' | 'no')[], groupMin: number) {
  for (const [i, a] of answers.entries()) await db().transaction((tx) => answerIntroduction(tx, people[i]!, matchId, a, { followUpDays: 7, groupMin }));
  const [row] = await db().select({ state: matches.state }).from(matches).where(eq(matches.id, matchId));
  return row!.state;
}

describe('group introductions', () => {
  it('with groupMin 2, two yes and one no go ahead; both are told how to meet', async () => {
    const { matchId, people } = await groupOf(['Ann', 'Omar', 'Lien'], 'g2-');
    expect(await answer(matchId, people, ['yes', 'yes', 'no'], 2)).toBe('accepted');
    const told = await db().select({ participantId: outbox.participantId }).from(outbox).where(eq(outbox.kind, 'accepted'));
    expect(told.map((t) => t.participantId).sort()).toEqual([people[0], people[1]].sort());
  });

  it('with groupMin 4, three yes and one no are not enough', async () => {
    const { matchId, people } = await groupOf(['Ahmad', 'Olena', 'Sara', 'Dirk'], 'g4-');
    expect(await answer(matchId, people, ['yes', 'yes', 'yes', 'no'], 4)).toBe('declined');
  });
});
