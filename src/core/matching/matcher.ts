/**
 * Runs matching for one subject: which index keys to look up, which candidates come back, what
 * to suggest. Called when a profile is confirmed or changed and when an offer is posted,
 * changed or closed. Storage is a port; `src/db/repositories/matching-store.ts` implements it.
 */
import type { MatchingConfig } from './config.js';
import { relatedTo } from '../taxonomy/categories.js';
import { matchKeys } from './keys.js';
import { planMatches, type PlannedMatch } from './plan.js';
import { AMBITION_OFFER_TYPES, isProvider, type ItemKind, type Side } from './side.js';

export interface MatchingStore {
  /** The subject, or null when it must not be matched (paused, no consent, closed, expired). */
  side(key: string): Promise<Side | null>;
  /** Active owners of items carrying any of these index keys, newest first. */
  candidates(keys: readonly string[], limit: number): Promise<Side[]>;
  /** Open offers of these types in these places. */
  offersOfTypes(types: readonly string[], placeIds: readonly number[], limit: number): Promise<Side[]>;
  placeNames(): Promise<ReadonlyMap<number, string>>;
  /** Stores new suggestions, refreshes open ones, skips pairs still cooling; returns how many were written. */
  save(plans: readonly PlannedMatch[], coolingDays: number): Promise<number>;
  /** Closing an offer withdraws its open suggestions. */
  withdrawForOffer(offerId: string): Promise<number>;
}

/** Which kinds of item answer each kind of item. */
const ANSWERS: Record<ItemKind, { resident: ItemKind[]; provider: ItemKind[] }> = {
  skill: { resident: ['need', 'ask'], provider: ['need'] },
  offer: { resident: ['need'], provider: ['need'] },
  need: { resident: ['skill', 'offer'], provider: ['skill'] },
  ask: { resident: ['skill'], provider: ['skill'] },
  goesting: { resident: ['goesting'], provider: [] },
  ambition: { resident: [], provider: [] },
};

/** The categories and those related to them: candidates that serve each other are looked up too. */
function withRelated(categories: readonly string[]): string[] {
  return [...new Set([...categories, ...categories.flatMap(relatedTo)])];
}

/** The index keys to look up for a subject. */
export function wantedKeys(subject: Side): string[] {
  const keys = new Set<string>();
  const provider = isProvider(subject);
  for (const item of subject.items) {
    for (const kind of ANSWERS[item.kind][provider ? 'provider' : 'resident']) {
      // Groups share one goesting exactly; gives and wishes also reach related categories.
      const categories = item.kind === 'goesting' ? item.categories : withRelated(item.categories);
      for (const key of matchKeys(kind, subject.placeIds, categories)) keys.add(key);
    }
  }
  if (provider && subject.offerType) {
    const ambitions = Object.entries(AMBITION_OFFER_TYPES).filter(([, types]) => types.includes(subject.offerType!)).map(([a]) => a);
    for (const key of matchKeys('ambition', subject.placeIds, ambitions)) keys.add(key);
  }
  return [...keys];
}

/** Offer types a resident's ambitions (and a goesting group's need for a place) ask for. */
function wantedOfferTypes(subject: Side): string[] {
  if (isProvider(subject)) return [];
  const types = new Set<string>();
  for (const item of subject.items) {
    if (item.kind === 'ambition') for (const a of item.categories) for (const t of AMBITION_OFFER_TYPES[a] ?? []) types.add(t);
    if (item.kind === 'goesting') ['space', 'material', 'activity'].forEach((t) => types.add(t));
  }
  return [...types];
}

export function createMatcher(store: MatchingStore, config: MatchingConfig, clock: () => Date = () => new Date()) {
  async function run(key: string): Promise<PlannedMatch[]> {
    const subject = await store.side(key);
    if (!subject) return [];
    const keys = wantedKeys(subject);
    const types = wantedOfferTypes(subject);
    const [found, offers, placeNames] = await Promise.all([
      keys.length ? store.candidates(keys, config.candidateLimit) : Promise.resolve([]),
      types.length ? store.offersOfTypes(types, subject.placeIds, config.candidateLimit) : Promise.resolve([]),
      store.placeNames(),
    ]);
    const unique = new Map([...found, ...offers].map((s) => [s.key, s]));
    const plans = planMatches(subject, [...unique.values()], { config, now: clock(), placeNames }).slice(0, config.maxSuggestionsPerRun);
    await store.save(plans, config.coolingDays);
    return plans;
  }
  return {
    matchParticipant: (participantId: string) => run(`p:${participantId}`),
    matchOffer: (offerId: string) => run(`o:${offerId}`),
    offerClosed: (offerId: string) => store.withdrawForOffer(offerId),
  };
}

export type Matcher = ReturnType<typeof createMatcher>;
