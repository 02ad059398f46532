/**
 * The intake ports on PostgreSQL: each turn's transaction loads and saves through the
 * repositories and runs what follows from the turn (introduction answers, follow-ups, the warm
 * referral) in that same transaction, with the outbox.
 */
import type { IntakeStore, IntakeTransaction } from '../core/intake-service.js';
import { DEFAULT_INTRO_POLICY, type IntroPolicy } from '../core/introductions/lifecycle.js';
import { referralRequested } from '../core/referral.js';
import type { Database, Executor } from '../db/client.js';
import * as store from '../db/repositories/intake-store.js';
import { outboxOf } from '../db/repositories/outbox.js';
import { answerFollowUp, answerIntroduction, sendHeldProposals } from './introductions.js';

export { DEFAULT_FLOOD_POLICY, type FloodPolicy } from '../db/repositories/intake-store.js';

function transaction(tx: Executor, placesOf: ReturnType<typeof store.createPlacesCache>, intro: IntroPolicy): IntakeTransaction {
  return {
    places: () => placesOf(tx),
    load: (identity) => store.loadState(tx, identity),
    async create(identity, state, consentMethod) {
      await store.createParticipant(tx, identity, state, consentMethod);
    },
    async save(stored, state) {
      await store.saveState(tx, stored, state);
      if (referralRequested(stored.state, state)) {
        // Warm referral: the matchmakers get a card (flags only, never details), via the outbox.
        const participantId = stored.participantId;
        await outboxOf(tx).enqueue({ channel: 'internal', kind: 'referral', dedupeKey: `referral:${participantId}:${Date.now()}`, payload: { participantId }, participantId });
      }
    },
    confirmProfile: (participantId, state) => store.writeProfileItems(tx, participantId, state),
    answerIntroduction: (participantId, matchId, answer) => answerIntroduction(tx, participantId, matchId, answer, intro),
    answerFollowUp: (participantId, matchId, answer) => answerFollowUp(tx, participantId, matchId, answer),
    sendHeldProposals: (participantId) => sendHeldProposals(tx, participantId),
    forget: (participantId) => store.erasePerson(tx, participantId),
  };
}

export function createIntakeStore(db: Database, policy: store.FloodPolicy = store.DEFAULT_FLOOD_POLICY, intro: IntroPolicy = DEFAULT_INTRO_POLICY): IntakeStore {
  const placesOf = store.createPlacesCache();
  return {
    takeToken: (identity) => store.takeToken(db, identity, policy),
    inTurn: (identity, updateId, work) => store.inPersonTurn(db, identity, updateId, (tx) => work(transaction(tx, placesOf, intro))),
  };
}
