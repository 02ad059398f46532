/**
 * Warm referral: a resident flagged a sensitive need and asked to be called. Each matchmaker of
 * their place gets a card with the topics as flags (no details) and the place's first-line services.
 */
import { eq } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { participants, places } from '../db/schema/index.js';
import { matchmakerConversationsOf } from '../db/repositories/conversations.js';
import { enqueue, type OutboxRow } from './outbox.js';

export interface ReferralCardData {
  readonly name: string;
  readonly place: string;
  readonly flags: string[];
  readonly services: { name: string; phone?: string | undefined }[];
}

export function createReferralFanOut(db: Database) {
  return async (row: OutboxRow): Promise<unknown> => {
    const { participantId } = row.payload as { participantId: string };
    return db.transaction(async (tx) => {
      const [person] = await tx
        .select({ name: participants.displayName, flags: participants.sensitiveFlags, placeId: places.id, place: places.name, services: places.services })
        .from(participants)
        .innerJoin(places, eq(places.id, participants.placeId))
        .where(eq(participants.id, participantId));
      if (!person) return { cards: 0 };
      const conversations = await matchmakerConversationsOf(tx, person.placeId);
      const services = person.services.filter((s) => s.topics.some((topic) => person.flags.includes(topic))).map((s) => ({ name: s.name, phone: s.phone }));
      const data: ReferralCardData = { name: person.name ?? '—', place: person.place, flags: person.flags, services };
      for (const c of conversations) {
        await enqueue(tx, { channel: 'teams', kind: 'referral.card', dedupeKey: `referral-card:${row.id}:${c.conversationId}`, payload: { reference: c.reference, ...data }, participantId });
      }
      return { cards: conversations.length };
    });
  };
}
