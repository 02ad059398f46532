/**
 * The import format's columns and what validation makes of a row: drafts ready to be written,
 * checked against a lookup of the places and organisations that exist.
 */
import type { OfferInput } from '../offers/offer-form.js';

/** The columns of the format, as documented in the README. */
export const IMPORT_COLUMNS = {
  common: ['type', 'id', 'place'],
  participant: ['name', 'language', 'languages', 'neighbourhood', 'goesting', 'skills', 'needs', 'ambition', 'availability', 'consent'],
  offer: ['organisation', 'title', 'description', 'offer_type', 'categories', 'languages', 'from', 'until', 'capacity', 'contact'],
} as const;
export const ALL_COLUMNS: readonly string[] = [...new Set<string>([...IMPORT_COLUMNS.common, ...IMPORT_COLUMNS.participant, ...IMPORT_COLUMNS.offer])];
export const ROW_TYPES = ['participant', 'offer', 'ask'] as const;
export type RowType = (typeof ROW_TYPES)[number];

/** The codes that exist, by code, and today (YYYY-MM-DD: offers ending before it are refused). */
export interface ImportLookup {
  readonly places: ReadonlyMap<string, number>;
  readonly organisations: ReadonlyMap<string, number>;
  readonly today: string;
}

export type ItemKind = 'goesting' | 'skill' | 'need' | 'ambition';
export interface ItemDraft {
  kind: ItemKind;
  categories: string[];
  freeText: string | null;
  placeIds: number[];
  languages: string[];
  matchKeys: string[];
}

export interface ParticipantDraft {
  readonly type: 'participant';
  readonly ref: string;
  readonly columns: {
    placeId: number;
    displayName: string;
    neighbourhood: string | null;
    language: string;
    spokenLanguages: string[];
    availability: string[];
    sensitiveFlags: string[];
  };
  readonly items: ItemDraft[];
  readonly consentMethod: string;
}

export interface OfferDraft {
  readonly type: 'offer';
  readonly ref: string;
  readonly organisationId: number;
  readonly input: OfferInput;
  readonly placeIds: number[];
}

export type ImportDraft = ParticipantDraft | OfferDraft;

/** What was added or updated, for whoever acts on new data (matching). */
export interface ImportedIds {
  readonly participantIds: string[];
  readonly offerIds: string[];
}

/** What writing the drafts did; ids are those added or updated. */
export interface ImportTally extends ImportedIds {
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
}

/** The outcome of a valid file; ids are those added or updated. */
export interface ImportSummary extends ImportTally {
  readonly rows: number;
}

/** `N added, N updated, N unchanged` — the one line the CLI prints. */
export function formatSummary(summary: ImportSummary): string {
  return `${summary.added} added, ${summary.updated} updated, ${summary.unchanged} unchanged`;
}
