/** One end of a possible match: a resident with their items, or a provider's offer or ask. */

export type ItemKind = 'goesting' | 'skill' | 'need' | 'ambition' | 'offer' | 'ask';

export interface SideItem {
  readonly id: string;
  readonly kind: ItemKind;
  readonly categories: readonly string[];
}

export interface Side {
  /** `p:<participant id>` or `o:<offer id>`. */
  readonly key: string;
  readonly participantId?: string | undefined;
  readonly offerId?: string | undefined;
  readonly placeIds: readonly number[];
  readonly neighbourhood?: string | null | undefined;
  readonly languages: readonly string[];
  readonly availability: readonly string[];
  readonly offerType?: string | undefined;
  readonly title?: string | undefined;
  readonly items: readonly SideItem[];
  readonly updatedAt: Date;
  /** Category → accumulated "not a fit" penalty. */
  readonly penalties: Readonly<Record<string, number>>;
}

export const GIVES: ReadonlySet<ItemKind> = new Set(['skill', 'offer']);
export const RECEIVES: ReadonlySet<ItemKind> = new Set(['need', 'ask']);

export const isProvider = (side: Side) => side.offerId !== undefined;

/** Which offer types fit an ambition. */
export const AMBITION_OFFER_TYPES: Readonly<Record<string, readonly string[]>> = {
  work: ['job'],
  training: ['course'],
  volunteering: ['volunteering'],
  learn_dutch: ['course', 'activity'],
  meet_people: ['activity', 'volunteering'],
  own_idea: ['space', 'material', 'service'],
};

export function categoriesOf(side: Side, kinds: ReadonlySet<ItemKind>): string[] {
  return [...new Set(side.items.filter((i) => kinds.has(i.kind)).flatMap((i) => i.categories))];
}

export const intersect = <T>(a: readonly T[], b: readonly T[]): T[] => {
  const set = new Set(b);
  return [...new Set(a)].filter((x) => set.has(x));
};
