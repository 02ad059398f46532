/**
 * Runs one resident turn against storage: flood control, then — in one transaction holding
 * that person's lock — skip a redelivered update, load the state, run the pure engine and
 * persist what it decided. Ports only; the database implements them in `src/db`.
 */
import { handleTurn, type RenderedTurn } from './dialogue/engine.js';
import type { DialogueState, Input, PlaceInfo } from './dialogue/types.js';

export interface Identity {
  readonly channel: 'telegram' | 'playground';
  readonly externalId: string;
  readonly chatId: string;
}

export interface StoredState {
  readonly participantId: string;
  readonly version: number;
  readonly state: DialogueState;
}

/** What the store does inside one turn's transaction. */
export interface IntakeTransaction {
  places(): Promise<PlaceInfo[]>;
  load(identity: Identity): Promise<StoredState | null>;
  create(identity: Identity, state: DialogueState, consentMethod: string): Promise<void>;
  save(stored: StoredState, state: DialogueState): Promise<void>;
  /** Writes the confirmed profile as items, the shape matching reads. */
  confirmProfile(participantId: string, state: DialogueState): Promise<void>;
  /** Erases the person everywhere. */
  forget(participantId: string): Promise<void>;
  /** Records a resident's answer to an introduction and does what follows from it. */
  answerIntroduction(participantId: string, matchId: string, answer: 'yes' | 'no' | 'later'): Promise<void>;
  /** "Did you meet?" and what came of it. */
  answerFollowUp(participantId: string, matchId: string, answer: { met?: 'met' | 'notYet' | 'no'; outcome?: string }): Promise<void>;
  /** Sends the proposals held back while the resident did not answer (see `stillInterested`). */
  sendHeldProposals(participantId: string): Promise<void>;
}

export type FloodVerdict = 'ok' | 'warn' | 'drop';

export interface IntakeStore {
  /** A token bucket per person, shared by all instances. */
  takeToken(identity: Identity): Promise<FloodVerdict>;
  /**
   * Runs `work` in a transaction that holds the person's lock and records `updateId`;
   * returns `undefined` without running it when that update was already processed.
   */
  inTurn<T>(identity: Identity, updateId: number | undefined, work: (tx: IntakeTransaction) => Promise<T>): Promise<T | undefined>;
}

export interface TurnHints {
  readonly profileName?: string | undefined;
  readonly languageHint?: string | undefined;
  readonly now?: Date;
}

export type TurnOutcome =
  | { readonly kind: 'handled'; readonly turn: RenderedTurn }
  | { readonly kind: 'duplicate' }
  | { readonly kind: 'flooded'; readonly warn: boolean; readonly lang: string | undefined };

export interface IntakeHooks {
  /** After the turn that confirmed a profile is committed: matching runs here, not in the turn. */
  profileConfirmed?(participantId: string): Promise<void>;
}

export function createIntakeService(store: IntakeStore, hooks: IntakeHooks = {}) {
  /** Persists the turn; returns the participant whose profile was confirmed, if any. */
  async function persist(tx: IntakeTransaction, identity: Identity, stored: StoredState | null, turn: RenderedTurn): Promise<string | undefined> {
    const effects = turn.effects;
    if (stored && effects.some((e) => e.type === 'forget')) {
      await tx.forget(stored.participantId);
      return undefined;
    }
    if (!turn.state) return undefined;
    const consent = effects.find((e) => e.type === 'consent');
    if (!stored) {
      // Nothing is written before consent: a state only exists after *Yes*.
      if (consent) await tx.create(identity, turn.state, consent.method);
      return undefined;
    }
    await tx.save(stored, turn.state);
    for (const e of effects) {
      if (e.type === 'introAnswer') await tx.answerIntroduction(stored.participantId, e.matchId, e.answer);
      if (e.type === 'meetAnswer') await tx.answerFollowUp(stored.participantId, e.matchId, { met: e.answer });
      if (e.type === 'outcome') await tx.answerFollowUp(stored.participantId, e.matchId, { outcome: e.outcome });
      if (e.type === 'stillInterested') await tx.sendHeldProposals(stored.participantId);
    }
    if (!effects.some((e) => e.type === 'confirmProfile')) return undefined;
    await tx.confirmProfile(stored.participantId, turn.state);
    return stored.participantId;
  }

  return {
    /** Handles one input of one person; safe to call concurrently and on several instances. */
    async handle(identity: Identity, updateId: number | undefined, input: Input, hints: TurnHints = {}): Promise<TurnOutcome> {
      const verdict = await store.takeToken(identity);
      if (verdict !== 'ok') return { kind: 'flooded', warn: verdict === 'warn', lang: hints.languageHint };
      const done = await store.inTurn(identity, updateId, async (tx) => {
        const [places, stored] = await Promise.all([tx.places(), tx.load(identity)]);
        const ctx = { now: hints.now ?? new Date(), profileName: hints.profileName, languageHint: hints.languageHint, places };
        const turn = handleTurn(stored?.state ?? null, input, ctx);
        const confirmed = await persist(tx, identity, stored, turn);
        return { turn, confirmed };
      });
      if (!done) return { kind: 'duplicate' };
      if (done.confirmed && hooks.profileConfirmed) await hooks.profileConfirmed(done.confirmed);
      return { kind: 'handled', turn: done.turn };
    },
  };
}

export type IntakeService = ReturnType<typeof createIntakeService>;
