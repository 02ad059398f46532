/** Weights and thresholds of the matching engine: configuration, not code (see config.ts). */

export interface MatchingWeights {
  readonly category: number;
  readonly place: number;
  readonly neighbourhood: number;
  readonly language: number;
  readonly availability: number;
  readonly reciprocity: number;
  readonly freshness: number;
}

export interface MatchingConfig {
  readonly weights: MatchingWeights;
  /** Suggestions below this score (0–1) are not stored. */
  readonly threshold: number;
  /** The same people are not suggested again within this many days. */
  readonly coolingDays: number;
  /** How much one "not a fit" lowers later suggestions around the same category. */
  readonly dismissPenalty: number;
  /** Freshness halves roughly every this many days. */
  readonly freshnessDays: number;
  /** Candidates read per look-up: the newest first. */
  readonly candidateLimit: number;
  /** At most this many suggestions (the best) are kept per run: what a matchmaker can review. */
  readonly maxSuggestionsPerRun: number;
  readonly groupMin: number;
  readonly groupMax: number;
  /** Providers can bring an interpreter: a resident ↔ provider match without a common language is kept, marked. */
  readonly interpreterForProviders: boolean;
}

export const DEFAULT_MATCHING: MatchingConfig = {
  weights: { category: 3, place: 1, neighbourhood: 0.5, language: 1.5, availability: 1, reciprocity: 1, freshness: 0.5 },
  threshold: 0.45,
  coolingDays: 90,
  dismissPenalty: 0.15,
  freshnessDays: 60,
  candidateLimit: 100,
  maxSuggestionsPerRun: 20,
  groupMin: 3,
  groupMax: 6,
  interpreterForProviders: true,
};
