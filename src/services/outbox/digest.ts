/**
 * Fans a place's digest out to its matchmakers: the suggestions not shown yet are taken (each
 * goes into exactly one digest) and one card per matchmaker conversation is enqueued.
 */
import type { RowOf } from '../../core/outbox/messages.js';
import type { Database } from '../../db/client.js';
import { matchmakerConversationsOf } from '../../db/repositories/conversations.js';
import { takeUnannounced } from '../../db/repositories/match-desk.js';
import { outboxOf } from '../../db/repositories/outbox.js';

const MAX_PER_CARD = 10;

export function createDigestFanOut(db: Database) {
  return async (row: RowOf<'internal', 'matchmaker.digest'>): Promise<unknown> => {
    const { placeId } = row.payload;
    return db.transaction(async (tx) => {
      const outbox = outboxOf(tx);
      const conversations = await matchmakerConversationsOf(tx, placeId);
      // Without a matchmaker to tell, suggestions wait for the next digest.
      if (conversations.length === 0) return { cards: 0 };
      const ids = await takeUnannounced(tx, placeId, MAX_PER_CARD);
      if (ids.length === 0) return { cards: 0 };
      for (const c of conversations) {
        await outbox.enqueue({
          channel: 'teams',
          kind: 'matchmaker.card',
          dedupeKey: `card:${row.id}:${c.conversationId}`,
          payload: { reference: c.reference, conversationId: c.conversationId, matchIds: ids },
        });
      }
      if (ids.length === MAX_PER_CARD) {
        await outbox.enqueue({ channel: 'internal', kind: 'matchmaker.digest', dedupeKey: `digest:${placeId}:more:${row.id}`, payload: { placeId } });
      }
      return { cards: conversations.length, matches: ids.length };
    });
  };
}
