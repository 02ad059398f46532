/**
 * Scoring one possible connection: pure arithmetic over category overlap, place, neighbourhood,
 * a shared language, availability, reciprocity and freshness, minus "not a fit" feedback.
 * Every factor that counts leaves a structured reason.
 */
import type { MatchingConfig } from './config.js';
import { categoriesOf, GIVES, intersect, isProvider, RECEIVES, type Side } from './side.js';
import type { Reason } from './types.js';

export interface Scored {
  readonly score: number;
  readonly reasons: Reason[];
  readonly needsInterpreter: boolean;
}

const DAY = 86_400_000;
const normalize = (s: string | null | undefined) => (s ?? '').trim().toLowerCase();

export interface PairFacts {
  /** Categories the connection is about (already decided by the caller). */
  readonly categories: readonly string[];
  /** How much of the smaller side's wish those categories cover (0–1). */
  readonly coverage: number;
  readonly placeName?: string | undefined;
  readonly extraReasons?: readonly Reason[];
}

/** `null` when the two cannot talk to each other and no interpreter rule applies. */
export function scorePair(a: Side, b: Side, facts: PairFacts, config: MatchingConfig, now: Date): Scored | null {
  const w = config.weights;
  const reasons: Reason[] = [...(facts.extraReasons ?? [])];
  if (facts.categories.length > 0) reasons.push({ code: 'categories', categories: [...facts.categories] });
  let total = w.category * Math.min(1, Math.max(0, facts.coverage));

  const sharedPlace = intersect(a.placeIds, b.placeIds).length > 0;
  if (sharedPlace) {
    total += w.place;
    if (facts.placeName) reasons.push({ code: 'samePlace', place: facts.placeName });
  }
  if (!isProvider(a) && !isProvider(b) && normalize(a.neighbourhood) && normalize(a.neighbourhood) === normalize(b.neighbourhood)) {
    total += w.neighbourhood;
    reasons.push({ code: 'sameNeighbourhood', neighbourhood: a.neighbourhood!.trim() });
  }

  const languages = intersect(a.languages, b.languages);
  let needsInterpreter = false;
  if (languages.length > 0) {
    total += w.language;
    reasons.push({ code: 'language', languages });
  } else if (config.interpreterForProviders && (isProvider(a) || isProvider(b))) {
    needsInterpreter = true;
    reasons.push({ code: 'interpreter' });
  } else {
    return null;
  }

  if (a.availability.length > 0 && b.availability.length > 0) {
    const slots = intersect(a.availability, b.availability);
    total += w.availability * (slots.length / Math.min(a.availability.length, b.availability.length));
    if (slots.length > 0) reasons.push({ code: 'availability', slots });
  } else {
    total += w.availability * 0.5; // unknown: neither a plus nor a minus
  }

  if (reciprocal(a, b)) {
    total += w.reciprocity;
    reasons.push({ code: 'reciprocity' });
  }

  const ageDays = (now.getTime() - Math.max(a.updatedAt.getTime(), b.updatedAt.getTime())) / DAY;
  const freshness = Math.pow(0.5, Math.max(0, ageDays) / config.freshnessDays);
  total += w.freshness * freshness;
  if (ageDays < 14) reasons.push({ code: 'fresh' });

  const max = w.category + w.place + w.neighbourhood + w.language + w.availability + w.reciprocity + w.freshness;
  const penalty = facts.categories.reduce((sum, c) => sum + (a.penalties[c] ?? 0) + (b.penalties[c] ?? 0), 0);
  const score = Math.max(0, Math.min(1, total / max - penalty));
  return { score: Math.round(score * 1000) / 1000, reasons, needsInterpreter };
}

/** Both give and both receive: each can help the other with something. */
export function reciprocal(a: Side, b: Side): boolean {
  const aToB = intersect(categoriesOf(a, GIVES), categoriesOf(b, RECEIVES)).length > 0;
  const bToA = intersect(categoriesOf(b, GIVES), categoriesOf(a, RECEIVES)).length > 0;
  return aToB && bToA;
}
