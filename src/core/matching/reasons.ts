/** Structured reasons → texts any channel renders in the reader's language (`matching` namespace). */
import { AMBITION_EMOJI, CATEGORY_BY_ID, DAY_PART_EMOJI, type Ambition } from '../taxonomy/categories.js';
import type { Text } from '../dialogue/types.js';
import type { Reason } from './types.js';

const cat = (id: string): Text => ({ key: `taxonomy:cat.${id}`, prefix: CATEGORY_BY_ID.get(id)?.emoji ?? '' });
const slot = (s: string): Text => {
  const [day, part] = s.split('-') as [string, keyof typeof DAY_PART_EMOJI];
  return { key: `taxonomy:day.${day}`, prefix: DAY_PART_EMOJI[part] ?? '' };
};

export function reasonText(reason: Reason): Text {
  switch (reason.code) {
    case 'categories':
      return { key: 'matching:reason.categories', params: { categories: reason.categories.map(cat) } };
    case 'related':
      return { key: 'matching:reason.related', params: { gives: cat(reason.gives), wants: cat(reason.wants) } };
    case 'samePlace':
      return { key: 'matching:reason.samePlace', params: { place: { raw: reason.place } } };
    case 'sameNeighbourhood':
      return { key: 'matching:reason.sameNeighbourhood', params: { neighbourhood: { raw: reason.neighbourhood } } };
    case 'language':
      return { key: 'matching:reason.language', params: { languages: reason.languages.map((l) => ({ key: `taxonomy:langName.${l}` })) } };
    case 'interpreter':
      return { key: 'matching:reason.interpreter' };
    case 'availability':
      return { key: 'matching:reason.availability', params: { slots: reason.slots.slice(0, 6).map(slot) } };
    case 'reciprocity':
      return { key: 'matching:reason.reciprocity' };
    case 'fresh':
      return { key: 'matching:reason.fresh' };
    case 'ambition':
      return {
        key: 'matching:reason.ambition',
        params: {
          ambitions: reason.ambitions.map((a) => ({ key: `taxonomy:ambition.${a}`, prefix: AMBITION_EMOJI[a as Ambition] ?? '' })),
          type: { key: `teams:type.${reason.offerType}` },
        },
      };
    case 'group':
      return { key: 'matching:reason.group', params: { size: reason.size, category: cat(reason.category) } };
    case 'space':
      return { key: 'matching:reason.space', params: { title: { raw: reason.title } } };
  }
}

export const KIND_KEYS = { complement: 'matching:kind.complement', group: 'matching:kind.group', ambition: 'matching:kind.ambition' } as const;
