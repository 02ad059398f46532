/**
 * A confirmed profile as matching items: each part with categories or own words is one item of
 * its kind, each voice note an item of its own (kept for the matchmaker, with no categories).
 */
import { matchKeys } from '../matching/keys.js';
import type { DialogueState } from './types.js';

export const PART_KINDS = { goesting: 'goesting', skills: 'skill', needs: 'need', ambition: 'ambition' } as const;
export type ItemKind = (typeof PART_KINDS)[keyof typeof PART_KINDS];

export interface ProfileItem {
  readonly kind: ItemKind;
  readonly categories: string[];
  readonly freeText?: string | null;
  readonly voiceFileId?: string;
  readonly placeIds: number[];
  readonly languages: string[];
  readonly matchKeys: string[];
}

export function profileItemsOf(state: DialogueState, placeIds: readonly number[]): ProfileItem[] {
  const shared = { placeIds: [...placeIds], languages: [...state.draft.spoken] };
  const items: ProfileItem[] = [];
  for (const [part, kind] of Object.entries(PART_KINDS) as [keyof typeof PART_KINDS, ItemKind][]) {
    const selection = state.draft[part];
    if (selection.categories.length > 0 || selection.texts.length > 0) {
      items.push({ ...shared, kind, categories: [...selection.categories], freeText: selection.texts.join(' · ') || null, matchKeys: matchKeys(kind, placeIds, selection.categories) });
    }
    for (const voice of selection.voices) items.push({ ...shared, kind, categories: [], voiceFileId: voice, matchKeys: [] });
  }
  return items;
}
