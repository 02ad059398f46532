/** The matchmaker's desk: Introduce / Not now / Not a fit, each with its card updates in one transaction. */
import type { MatchDesk } from '../core/matching/desk.js';
import type { Database } from '../db/client.js';
import { markSnoozed } from '../db/repositories/introductions.js';
import { matchViews, recordCard } from '../db/repositories/match-desk.js';
import { dismissMatch } from '../db/repositories/matching-store.js';
import { outboxOf } from '../db/repositories/outbox.js';
import { introduce, refreshCards } from './introductions.js';

export function createMatchDesk(db: Database, dismissPenalty: number): MatchDesk {
  return {
    views: (ids) => matchViews(db, ids),
    introduce: (matchId, meetingNote) => db.transaction(async (tx) => (await introduce(tx, matchId, meetingNote)) === 'introduced'),
    snooze: (matchId) =>
      db.transaction(async (tx) => {
        const moved = await markSnoozed(tx, matchId);
        if (moved) await refreshCards(tx, outboxOf(tx), matchId, 'snoozed');
        return moved;
      }),
    // The dismissal and the refresh of the cards showing it commit together, or neither does.
    dismiss: (matchId, reason) =>
      db.transaction(async (tx) => {
        const done = await dismissMatch(tx, matchId, reason.slice(0, 300), dismissPenalty);
        if (done) await refreshCards(tx, outboxOf(tx), matchId, 'dismissed');
        return done;
      }),
    recordCard: (matchIds, conversationId, activityId) => recordCard(db, matchIds, conversationId, activityId),
  };
}
