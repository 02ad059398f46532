/**
 * From one subject (a resident who confirmed a profile, or an offer just posted) and its
 * candidates, plan the connections worth showing a matchmaker: complements, ambition ↔ offer,
 * and small groups around one goesting. Pure: the store finds candidates and saves the plan.
 */
import type { MatchingConfig } from './config.js';
import { relatedTo } from '../taxonomy/categories.js';
import { scorePair, type PairFacts, type Scored } from './score.js';
import { AMBITION_OFFER_TYPES, categoriesOf, GIVES, intersect, isProvider, RECEIVES, type Side, type SideItem } from './side.js';
import type { MatchKind, Reason } from './types.js';

export interface PlannedMember {
  readonly key: string;
  readonly participantId?: string | undefined;
  readonly offerId?: string | undefined;
  readonly itemId?: string | undefined;
  readonly role: 'gives' | 'receives' | 'member' | 'provider' | 'dreams';
}

export interface PlannedMatch extends Scored {
  readonly kind: MatchKind;
  readonly pairKey: string;
  readonly placeId: number | null;
  readonly members: PlannedMember[];
}

export interface PlanContext {
  readonly config: MatchingConfig;
  readonly now: Date;
  readonly placeNames: ReadonlyMap<number, string>;
}

const member = (side: Side, role: PlannedMember['role'], item?: SideItem): PlannedMember => ({
  key: side.key,
  participantId: side.participantId,
  offerId: side.offerId,
  itemId: item?.id,
  role,
});

/** The same two people or offers always make the same key, whoever came first. */
export const pairKey = (a: Side, b: Side) => `pair:${[a.key, b.key].sort().join('|')}`;

function sharedPlace(a: Side, b: Side): number | null {
  return intersect(a.placeIds, b.placeIds)[0] ?? null;
}

/** A related category counts for this much of a shared one. */
export const RELATED_WEIGHT = 0.5;

/**
 * What one item gives for another item's wish: the categories they share, or — when they share
 * none — the related ones (🔌 electronics repair for 📱 smartphone help), at half the weight.
 */
function overlap(give: SideItem, want: SideItem): Pick<PairFacts, 'categories' | 'coverage' | 'extraReasons'> | null {
  const smaller = Math.min(give.categories.length, want.categories.length);
  const shared = intersect(give.categories, want.categories);
  if (shared.length > 0) return { categories: shared, coverage: shared.length / smaller };
  const pairs = want.categories.flatMap((w) => intersect(give.categories, relatedTo(w)).map((g) => ({ gives: g, wants: w })));
  if (pairs.length === 0) return null;
  const wanted = [...new Set(pairs.map((p) => p.wants))];
  return {
    categories: wanted,
    coverage: Math.min(1, (RELATED_WEIGHT * wanted.length) / smaller),
    extraReasons: pairs.slice(0, 2).map((p) => ({ code: 'related' as const, ...p })),
  };
}

/** The best way `giver` can help `receiver`, item by item. */
function complement(giver: Side, receiver: Side, ctx: PlanContext): PlannedMatch | null {
  if (isProvider(giver) && isProvider(receiver)) return null;
  const place = sharedPlace(giver, receiver);
  if (place === null) return null;
  let best: PlannedMatch | null = null;
  for (const give of giver.items.filter((i) => GIVES.has(i.kind))) {
    for (const want of receiver.items.filter((i) => RECEIVES.has(i.kind))) {
      const facts = overlap(give, want);
      if (!facts) continue;
      const scored = scorePair(giver, receiver, { ...facts, placeName: ctx.placeNames.get(place) }, ctx.config, ctx.now);
      if (!scored || (best && best.score >= scored.score)) continue;
      best = { ...scored, kind: 'complement', pairKey: pairKey(giver, receiver), placeId: place, members: [member(giver, 'gives', give), member(receiver, 'receives', want)] };
    }
  }
  return best;
}

/** A course, job or volunteer spot that fits what a resident wants to become. */
function ambition(resident: Side, offer: Side, ctx: PlanContext): PlannedMatch | null {
  if (isProvider(resident) || !isProvider(offer) || !offer.offerType) return null;
  const place = sharedPlace(resident, offer);
  const offerItem = offer.items.find((i) => i.kind === 'offer');
  if (place === null || !offerItem) return null;
  const dreams = resident.items.filter((i) => i.kind === 'ambition');
  const fitting = dreams.flatMap((i) => i.categories).filter((a) => AMBITION_OFFER_TYPES[a]?.includes(offer.offerType!));
  if (fitting.length === 0) return null;
  const interests = categoriesOf(resident, new Set(['goesting', 'skill', 'need']));
  if (fitting.includes('learn_dutch')) interests.push('dutch_practice');
  const categories = intersect(offerItem.categories, interests);
  const coverage = categories.length > 0 ? 1 : 0.4; // the type fits even without a shared category
  const reason: Reason = { code: 'ambition', ambitions: [...new Set(fitting)], offerType: offer.offerType };
  const scored = scorePair(resident, offer, { categories, coverage, placeName: ctx.placeNames.get(place), extraReasons: [reason] }, ctx.config, ctx.now);
  if (!scored) return null;
  return { ...scored, kind: 'ambition', pairKey: pairKey(resident, offer), placeId: place, members: [member(resident, 'dreams', dreams[0]), member(offer, 'provider', offerItem)] };
}

/** Every pair connection between the subject and one candidate; the best one wins. */
function bestPair(subject: Side, candidate: Side, ctx: PlanContext): PlannedMatch | null {
  const options = [complement(subject, candidate, ctx), complement(candidate, subject, ctx), ambition(subject, candidate, ctx), ambition(candidate, subject, ctx)];
  return options.reduce<PlannedMatch | null>((best, m) => (m && (!best || m.score > best.score) ? m : best), null);
}

/** 3–6 residents of one place who love the same thing, maybe with a provider's space or means. */
function groups(subject: Side, candidates: readonly Side[], ctx: PlanContext): PlannedMatch[] {
  if (isProvider(subject)) return [];
  const out: PlannedMatch[] = [];
  for (const category of categoriesOf(subject, new Set(['goesting']))) {
    for (const place of subject.placeIds) {
      const peers = candidates
        .filter((c) => !isProvider(c) && c.placeIds.includes(place) && c.items.some((i) => i.kind === 'goesting' && i.categories.includes(category)))
        .filter((c) => intersect(c.languages, subject.languages).length > 0)
        .sort((x, y) => intersect(y.availability, subject.availability).length - intersect(x.availability, subject.availability).length || y.updatedAt.getTime() - x.updatedAt.getTime())
        .slice(0, ctx.config.groupMax - 1);
      if (peers.length + 1 < ctx.config.groupMin) continue;
      const host = candidates.find((c) => isProvider(c) && c.placeIds.includes(place) && ['space', 'material', 'activity'].includes(c.offerType ?? '') && c.items.some((i) => i.kind === 'offer' && (i.categories.includes(category) || c.offerType === 'space')));
      const people = [subject, ...peers];
      const common = people.reduce<string[]>((acc, p) => intersect(acc, p.availability), [...subject.availability]);
      const reasons: Reason[] = [{ code: 'group', size: people.length, category }, { code: 'samePlace', place: ctx.placeNames.get(place) ?? '' }];
      if (common.length > 0) reasons.push({ code: 'availability', slots: common });
      if (host?.title) reasons.push({ code: 'space', title: host.title });
      const score = Math.min(1, 0.5 + 0.08 * people.length + (common.length > 0 ? 0.1 : 0) + (host ? 0.1 : 0) - (subject.penalties[category] ?? 0));
      const members = people.map((p) => member(p, 'member', p.items.find((i) => i.kind === 'goesting' && i.categories.includes(category))));
      if (host) members.push(member(host, 'provider', host.items.find((i) => i.kind === 'offer')));
      out.push({ kind: 'group', pairKey: `group:${place}:${category}`, placeId: place, score: Math.round(score * 1000) / 1000, reasons, needsInterpreter: false, members });
    }
  }
  return out;
}

/** All connections worth suggesting for `subject`, best first, above the threshold. */
export function planMatches(subject: Side, candidates: readonly Side[], ctx: PlanContext): PlannedMatch[] {
  const others = candidates.filter((c) => c.key !== subject.key);
  const pairs = others.map((c) => bestPair(subject, c, ctx)).filter((m): m is PlannedMatch => m !== null);
  return [...pairs, ...groups(subject, others, ctx)].filter((m) => m.score >= ctx.config.threshold).sort((a, b) => b.score - a.score);
}
