/**
 * Warm referral: a resident flagged a sensitive need and asked to be called. Each matchmaker of
 * their place gets a card with the topics as flags (no details) and the place's first-line services.
 */
import { referralCardData } from '../../core/referral.js';
import type { RowOf } from '../../core/outbox/messages.js';
import type { Database } from '../../db/client.js';
import { matchmakerConversationsOf } from '../../db/repositories/conversations.js';
import { referralSubject } from '../../db/repositories/participants.js';
import { outboxOf } from '../../db/repositories/outbox.js';

export function createReferralFanOut(db: Database) {
  return async (row: RowOf<'internal', 'referral'>): Promise<unknown> => {
    const { participantId } = row.payload;
    return db.transaction(async (tx) => {
      const person = await referralSubject(tx, participantId);
      if (!person) return { cards: 0 };
      const conversations = await matchmakerConversationsOf(tx, person.placeId);
      const data = referralCardData(person);
      for (const c of conversations) {
        await outboxOf(tx).enqueue({ channel: 'teams', kind: 'referral.card', dedupeKey: `referral-card:${row.id}:${c.conversationId}`, payload: { reference: c.reference, ...data }, participantId });
      }
      return { cards: conversations.length };
    });
  };
}
