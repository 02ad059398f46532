/** An offer or ask as a matching item: the same categories, places and languages as residents' items. */
import { matchKeys } from '../matching/keys.js';
import type { OfferInput } from './offer-form.js';

export interface OfferItem {
  readonly kind: OfferInput['kind'];
  readonly categories: string[];
  readonly freeText: string;
  readonly placeIds: number[];
  readonly languages: string[];
  /** The end of its last day; open-ended offers stay valid. */
  readonly validUntil: Date | null;
  readonly matchKeys: string[];
}

export function offerItem(offer: Pick<OfferInput, 'kind' | 'categories' | 'title' | 'description' | 'languages' | 'endsOn'>, placeIds: readonly number[]): OfferItem {
  return {
    kind: offer.kind,
    categories: [...offer.categories],
    freeText: `${offer.title} · ${offer.description}`.slice(0, 600),
    placeIds: [...placeIds],
    languages: [...offer.languages],
    validUntil: offer.endsOn ? new Date(`${offer.endsOn}T23:59:59Z`) : null,
    matchKeys: matchKeys(offer.kind, placeIds, offer.categories),
  };
}
