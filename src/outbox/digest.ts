/**
 * Fans a place's digest out to its matchmakers: the suggestions not shown yet are taken (each
 * goes into exactly one digest) and one card per matchmaker conversation is enqueued.
 */
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { matches } from '../db/schema/index.js';
import { matchmakerConversationsOf } from '../db/repositories/conversations.js';
import { enqueue, type OutboxRow } from './outbox.js';

const MAX_PER_CARD = 10;

export function createDigestFanOut(db: Database) {
  return async (row: OutboxRow): Promise<unknown> => {
    const { placeId } = row.payload as { placeId: number };
    return db.transaction(async (tx) => {
      const conversations = await matchmakerConversationsOf(tx, placeId);
      // Without a matchmaker to tell, suggestions wait for the next digest.
      if (conversations.length === 0) return { cards: 0 };
      const pending = await tx
        .select({ id: matches.id })
        .from(matches)
        .where(and(eq(matches.placeId, placeId), eq(matches.state, 'suggested'), isNull(matches.notifiedAt)))
        .orderBy(matches.createdAt)
        .limit(MAX_PER_CARD);
      if (pending.length === 0) return { cards: 0 };
      const ids = pending.map((p) => p.id);
      await tx.update(matches).set({ notifiedAt: new Date() }).where(inArray(matches.id, ids));
      for (const c of conversations) {
        await enqueue(tx, {
          channel: 'teams',
          kind: 'matchmaker.card',
          dedupeKey: `card:${row.id}:${c.conversationId}`,
          payload: { reference: c.reference, conversationId: c.conversationId, matchIds: ids },
        });
      }
      if (pending.length === MAX_PER_CARD) {
        await enqueue(tx, { channel: 'internal', kind: 'matchmaker.digest', dedupeKey: `digest:${placeId}:more:${row.id}`, payload: { placeId } });
      }
      return { cards: conversations.length, matches: ids.length };
    });
  };
}
