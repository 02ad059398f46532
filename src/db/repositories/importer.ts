/**
 * Loads a Stuyfplek's existing list — residents, offers and asks, one per row — from CSV or JSON.
 * Every row is checked first and all problems are reported as `line N: column: reason`; only a
 * wholly valid file is written, in one transaction. Rows carry the sheet's own id, so importing
 * the same file again changes nothing, and a changed row updates what it wrote before.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { cleanText, MAX_FREE_TEXT, MAX_NAME } from '../../core/dialogue/text.js';
import { matchKeys } from '../../core/matching/keys.js';
import { OFFER_TYPES, parseOfferForm, type FieldError, type OfferField, type OfferInput } from '../../core/offers/offer-form.js';
import {
  AMBITIONS,
  CATEGORY_BY_ID,
  DEFAULT_LANG,
  SENSITIVE_FLAGS,
  SLOTS,
  SPOKEN_LANGUAGES,
  UI_LANGUAGES,
  type SensitiveFlag,
} from '../../core/taxonomy/categories.js';
import { detectSensitive, suggestCategories } from '../../core/taxonomy/text-match.js';
import { ParseError, readCsv, readJson, type SourceRow, type SourceTable } from '../../import/parse.js';
import type { Database, Executor } from '../client.js';
import { consents, offers, organisations, participants, places, profileItems } from '../schema/index.js';

/** The file was refused: one line per problem, nothing was written. */
export class ImportError extends Error {
  override name = 'ImportError';
  constructor(readonly problems: readonly string[]) {
    super(problems.join('\n'));
  }
}

/** What was added or updated, for whoever acts on new data (matching). */
export interface ImportedIds {
  readonly participantIds: string[];
  readonly offerIds: string[];
}

/** The outcome of a valid file; ids are those added or updated. */
export interface ImportSummary extends ImportedIds {
  readonly rows: number;
  readonly added: number;
  readonly updated: number;
  readonly unchanged: number;
}

export interface ImportOptions {
  /** YYYY-MM-DD: offers ending before it are refused, as in the Teams form. */
  readonly today: string;
  /** Rows written so far, of all rows; called at the start and after each batch. */
  readonly onProgress?: (done: number, total: number) => void;
  /** Runs once the transaction has committed, with what changed (e.g. to start matching). */
  readonly afterCommit?: (ids: ImportedIds) => Promise<void> | void;
}

/** The columns of the format, as documented in the README. */
export const IMPORT_COLUMNS = {
  common: ['type', 'id', 'place'],
  participant: ['name', 'language', 'languages', 'neighbourhood', 'goesting', 'skills', 'needs', 'ambition', 'availability', 'consent'],
  offer: ['organisation', 'title', 'description', 'offer_type', 'categories', 'languages', 'from', 'until', 'capacity', 'contact'],
} as const;
const ALL_COLUMNS: readonly string[] = [...new Set<string>([...IMPORT_COLUMNS.common, ...IMPORT_COLUMNS.participant, ...IMPORT_COLUMNS.offer])];
const ROW_TYPES = ['participant', 'offer', 'ask'] as const;
const MAX_ID = 100;
const MAX_NEIGHBOURHOOD = 60;
const MAX_CONSENT = 200;
const BATCH = 250;
const HAS_LETTER = /\p{L}/u;

/** `N added, N updated, N unchanged` — the one line the CLI prints. */
export function formatSummary(summary: ImportSummary): string {
  return `${summary.added} added, ${summary.updated} updated, ${summary.unchanged} unchanged`;
}

// ---------------------------------------------------------------------------------------------
// Validation: rows → drafts, or problems.

interface Problem {
  readonly at: number;
  readonly column: string;
  readonly reason: string;
}

type ItemKind = 'goesting' | 'skill' | 'need' | 'ambition';
interface ItemDraft {
  kind: ItemKind;
  categories: string[];
  freeText: string | null;
  placeIds: number[];
  languages: string[];
  matchKeys: string[];
}

interface ParticipantDraft {
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

interface OfferDraft {
  readonly type: 'offer';
  readonly ref: string;
  readonly organisationId: number;
  readonly input: OfferInput;
  readonly placeIds: number[];
}

type Draft = ParticipantDraft | OfferDraft;

interface Lookup {
  readonly places: ReadonlyMap<string, number>;
  readonly organisations: ReadonlyMap<string, number>;
  readonly today: string;
}

/** One row's checks: `fail` records a problem and returns undefined, so checks read as values. */
class RowCheck {
  readonly problems: Problem[] = [];
  constructor(private readonly row: SourceRow) {}
  get(column: string): string {
    return this.row.values.get(column) ?? '';
  }
  fail(column: string, reason: string): undefined {
    this.problems.push({ at: this.row.at, column, reason });
    return undefined;
  }
}

const splitList = (value: string) => value.split(/[\s,|;]+/).map((s) => s.trim().toLowerCase()).filter(Boolean);
const unique = <T>(values: T[]) => [...new Set(values)];
const choices = (values: readonly string[]) => values.join(', ');

function oneOf(check: RowCheck, column: string, value: string, allowed: readonly string[], what: string): boolean {
  if (allowed.includes(value)) return true;
  check.fail(column, `unknown ${what} "${value}": expected one of ${choices(allowed)}`);
  return false;
}

function placeIdOf(check: RowCheck, code: string, lookup: Lookup): number | undefined {
  if (code === '') return check.fail('place', 'required: the code of a place, like lier');
  const id = lookup.places.get(code);
  if (id !== undefined) return id;
  const known = lookup.places.size > 0 ? `expected one of ${choices([...lookup.places.keys()].sort())}` : 'add places first with "npm run admin -- place add"';
  return check.fail('place', `unknown place "${code}": ${known}`);
}

/** Categories and own words of one part, as the dialogue would have kept them. */
interface Part {
  categories: string[];
  flags: SensitiveFlag[];
  text: string | null;
}

/**
 * Ids among `|`/`,`-separated pieces are taken as chosen; the other pieces are own words, matched
 * to categories like typed text (not for ambition, as in the dialogue). Needs naming a sensitive
 * topic become flags and their words are dropped.
 */
function readPart(check: RowCheck, column: 'goesting' | 'skills' | 'needs' | 'ambition'): Part | undefined {
  const pieces = check.get(column).split(/[|,]/).map(cleanText).filter(Boolean);
  const ids: readonly string[] = column === 'ambition' ? AMBITIONS : [...CATEGORY_BY_ID.keys()];
  const part: Part = { categories: [], flags: [], text: null };
  const words: string[] = [];
  for (const piece of pieces) {
    const id = piece.toLowerCase();
    if (ids.includes(id)) part.categories.push(id);
    else if (column === 'needs' && (SENSITIVE_FLAGS as readonly string[]).includes(id)) part.flags.push(id as SensitiveFlag);
    else words.push(piece);
  }
  const text = words.join(', ');
  if (text.length > MAX_FREE_TEXT) return check.fail(column, `own words must be at most ${MAX_FREE_TEXT} characters (this is ${text.length})`);
  const sensitive = column === 'needs' ? detectSensitive(text) : [];
  if (sensitive.length > 0) {
    part.flags.push(...sensitive);
  } else if (text) {
    part.text = text;
    if (column !== 'ambition') for (const piece of words) part.categories.push(...suggestCategories(piece));
  }
  part.categories = unique(part.categories);
  return part;
}

function readName(check: RowCheck): string | undefined {
  const name = cleanText(check.get('name'));
  if (name === '') return check.fail('name', 'required');
  if (name.length > MAX_NAME) return check.fail('name', `at most ${MAX_NAME} characters`);
  return HAS_LETTER.test(name) ? name : check.fail('name', 'must contain a letter');
}

function readLanguages(check: RowCheck, fallback: string): string[] {
  const codes = unique(splitList(check.get('languages')));
  codes.forEach((code) => oneOf(check, 'languages', code, SPOKEN_LANGUAGES, 'language'));
  return codes.length > 0 ? codes : [fallback];
}

function readAvailability(check: RowCheck): string[] {
  const slots = unique(splitList(check.get('availability')));
  for (const slot of slots) {
    if (!SLOTS.includes(slot)) check.fail('availability', `unknown slot "${slot}": expected day-part, like mon-morning, sat-evening`);
  }
  return slots.filter((slot) => SLOTS.includes(slot)).sort((a, b) => SLOTS.indexOf(a) - SLOTS.indexOf(b));
}

const PART_KINDS = { goesting: 'goesting', skills: 'skill', needs: 'need', ambition: 'ambition' } as const;

function validateParticipant(check: RowCheck, ref: string, lookup: Lookup): ParticipantDraft | undefined {
  const placeId = placeIdOf(check, check.get('place').trim().toLowerCase(), lookup);
  const displayName = readName(check);
  const language = check.get('language').trim().toLowerCase() || DEFAULT_LANG;
  oneOf(check, 'language', language, UI_LANGUAGES, 'language');
  const spokenLanguages = readLanguages(check, language);
  const neighbourhood = cleanText(check.get('neighbourhood'));
  if (neighbourhood.length > MAX_NEIGHBOURHOOD) check.fail('neighbourhood', `at most ${MAX_NEIGHBOURHOOD} characters`);
  const availability = readAvailability(check);
  const consent = cleanText(check.get('consent'));
  if (consent === '') check.fail('consent', 'required: how consent was given, like "paper form 2026-10-01"');
  if (consent.length > MAX_CONSENT) check.fail('consent', `at most ${MAX_CONSENT} characters`);
  const parts = Object.entries(PART_KINDS).map(([column, kind]) => ({ kind, part: readPart(check, column as keyof typeof PART_KINDS) }));
  if (check.problems.length > 0 || placeId === undefined || displayName === undefined) return undefined;
  const flags = parts.flatMap((p) => p.part?.flags ?? []);
  const items = parts
    .filter(({ part }) => part && (part.categories.length > 0 || part.text))
    .map(({ kind, part }): ItemDraft => ({
      kind,
      categories: part!.categories,
      freeText: part!.text,
      placeIds: [placeId],
      languages: spokenLanguages,
      matchKeys: matchKeys(kind, [placeId], part!.categories),
    }));
  return {
    type: 'participant',
    ref,
    columns: {
      placeId,
      displayName,
      neighbourhood: neighbourhood || null,
      language,
      spokenLanguages,
      availability,
      sensitiveFlags: SENSITIVE_FLAGS.filter((f) => flags.includes(f)),
    },
    items,
    consentMethod: `import: ${consent}`,
  };
}

/** The form's fields under the names of this format's columns. */
const OFFER_COLUMN: Record<OfferField, string> = {
  title: 'title',
  description: 'description',
  type: 'offer_type',
  categories: 'categories',
  places: 'place',
  languages: 'languages',
  startsOn: 'from',
  endsOn: 'until',
  capacity: 'capacity',
  contact: 'contact',
};

function offerReason(field: OfferField, error: FieldError): string {
  const max = error.params?.max;
  switch (error.key) {
    case 'errors.required':
      return 'required';
    case 'errors.tooLong':
      return `at most ${max} characters`;
    case 'errors.tooMany':
      return `at most ${max} categories`;
    case 'errors.pickOne':
      return field === 'type' ? `expected one of ${choices(OFFER_TYPES)}` : 'required: one or more, separated by commas';
    case 'errors.unknownChoice':
      return field === 'categories' ? 'unknown category: expected category ids like cooking, sewing (see the README)' : 'not one of the known values';
    case 'errors.date':
      return 'expected a date like 2026-12-31';
    case 'errors.dateOrder':
      return 'must not be before from';
    case 'errors.past':
      return 'this date has already passed';
    case 'errors.capacity':
      return 'expected a whole number from 1 to 10000';
    default:
      return 'not valid';
  }
}

function validateOffer(check: RowCheck, ref: string, kind: 'offer' | 'ask', lookup: Lookup): OfferDraft | undefined {
  const orgCode = check.get('organisation').trim().toLowerCase();
  const organisationId = lookup.organisations.get(orgCode);
  if (orgCode === '') check.fail('organisation', 'required: the code of an organisation, like vdab');
  else if (organisationId === undefined) check.fail('organisation', `unknown organisation "${orgCode}": add it first with "npm run admin -- org add"`);
  const placeCodes = unique(splitList(check.get('place')));
  const placeIds = placeCodes.length === 0 ? [placeIdOf(check, '', lookup)] : placeCodes.map((code) => placeIdOf(check, code, lookup));
  const languages = splitList(check.get('languages'));
  languages.forEach((code) => oneOf(check, 'languages', code, SPOKEN_LANGUAGES, 'language'));
  const categories = splitList(check.get('categories'));
  categories.forEach((id) => CATEGORY_BY_ID.has(id) || check.fail('categories', `unknown category "${id}": expected category ids like cooking, sewing (see the README)`));
  const raw = {
    kind,
    type: check.get('offer_type').trim().toLowerCase(),
    title: check.get('title'),
    description: check.get('description'),
    categories: categories.join(','),
    places: placeCodes.join(','),
    languages: languages.join(','),
    startsOn: check.get('from'),
    endsOn: check.get('until'),
    capacity: check.get('capacity'),
    contact: check.get('contact'),
  };
  const result = parseOfferForm(raw, [...lookup.places.keys()], lookup.today);
  const reported = new Set(check.problems.map((p) => p.column));
  if (!result.ok) {
    for (const [field, error] of Object.entries(result.errors) as [OfferField, FieldError][]) {
      const column = OFFER_COLUMN[field];
      if (!reported.has(column)) check.fail(column, offerReason(field, error));
    }
    // The form checks the order of the dates only once all else is valid; a file gets it at once.
    const [from, until] = [raw.startsOn.trim(), raw.endsOn.trim()];
    if (!result.errors.startsOn && !result.errors.endsOn && from && until && until < from) check.fail('until', offerReason('endsOn', { key: 'errors.dateOrder' }));
  }
  if (check.problems.length > 0 || !result.ok || organisationId === undefined) return undefined;
  return { type: 'offer', ref, organisationId, input: result.value, placeIds: placeIds.filter((id): id is number => id !== undefined) };
}

/** Columns filled in that belong to the other kind of row: likely a shifted sheet. */
function checkUnusedColumns(check: RowCheck, row: SourceRow, type: (typeof ROW_TYPES)[number]): void {
  const own: readonly string[] = type === 'participant' ? IMPORT_COLUMNS.participant : IMPORT_COLUMNS.offer;
  for (const [column, value] of row.values) {
    if (value.trim() === '' || (IMPORT_COLUMNS.common as readonly string[]).includes(column) || own.includes(column)) continue;
    if (column.startsWith('#')) check.fail(`column ${column.slice(1)}`, 'a value past the last column of the header');
    else if (!ALL_COLUMNS.includes(column)) check.fail(column, `unknown column: expected ${choices(ALL_COLUMNS)}`);
    else check.fail(column, type === 'participant' ? 'only used in offer and ask rows' : 'only used in participant rows');
  }
}

/** A row's problems in the order of the documented columns (stable; others last). */
function inColumnOrder(problems: Problem[]): Problem[] {
  const rank = (p: Problem) => (ALL_COLUMNS.includes(p.column) ? ALL_COLUMNS.indexOf(p.column) : ALL_COLUMNS.length);
  return [...problems].sort((a, b) => rank(a) - rank(b));
}

function validateRow(row: SourceRow, lookup: Lookup, seen: Map<string, number>, unit: string): { draft?: Draft; problems: Problem[] } {
  const check = new RowCheck(row);
  const id = check.get('id').trim();
  if (id === '') check.fail('id', "required: the row's own id in the sheet, unique in the file");
  else if (id.length > MAX_ID) check.fail('id', `at most ${MAX_ID} characters`);
  else if (seen.has(id)) check.fail('id', `"${id}" is also used on ${unit} ${seen.get(id)}`);
  else seen.set(id, row.at);
  const type = check.get('type').trim().toLowerCase();
  if (!(ROW_TYPES as readonly string[]).includes(type)) {
    check.fail('type', type === '' ? `required: one of ${choices(ROW_TYPES)}` : `unknown type "${type}": expected one of ${choices(ROW_TYPES)}`);
    return { problems: inColumnOrder(check.problems) };
  }
  const rowType = type as (typeof ROW_TYPES)[number];
  checkUnusedColumns(check, row, rowType);
  const ref = `import:${id}`;
  const draft = rowType === 'participant' ? validateParticipant(check, ref, lookup) : validateOffer(check, ref, rowType, lookup);
  return check.problems.length > 0 || !draft ? { problems: inColumnOrder(check.problems) } : { draft, problems: [] };
}

function checkHeader(table: SourceTable): Problem[] {
  if (table.unit !== 'line') return [];
  const problems: Problem[] = [];
  table.columns.forEach((column, index) => {
    if (column === '') problems.push({ at: 1, column: `column ${index + 1}`, reason: 'the header has no name here' });
    else if (!ALL_COLUMNS.includes(column)) problems.push({ at: 1, column, reason: `unknown column: expected ${choices(ALL_COLUMNS)}` });
    else if (table.columns.indexOf(column) !== index) problems.push({ at: 1, column, reason: 'this column appears twice' });
  });
  for (const column of ['type', 'id', 'place']) {
    if (!table.columns.includes(column)) problems.push({ at: 1, column, reason: 'missing column' });
  }
  return problems;
}

/** All drafts of a valid table, or an `ImportError` listing every problem in file order. */
function validateTable(table: SourceTable, lookup: Lookup): Draft[] {
  const format = (p: Problem) => `${table.unit} ${p.at}: ${p.column}: ${p.reason}`;
  const header = checkHeader(table);
  if (header.length > 0) throw new ImportError(header.map(format));
  const seen = new Map<string, number>();
  const drafts: Draft[] = [];
  const problems: Problem[] = [];
  for (const row of table.rows) {
    const result = validateRow(row, lookup, seen, table.unit);
    if (result.draft) drafts.push(result.draft);
    problems.push(...result.problems);
  }
  if (problems.length > 0) throw new ImportError(problems.map(format));
  return drafts;
}

// ---------------------------------------------------------------------------------------------
// Writing: participants and offers, batch by batch, inside the one transaction.

interface Tally {
  added: number;
  updated: number;
  unchanged: number;
  participantIds: string[];
  offerIds: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const CONSENT_PURPOSES = ['profile', 'matchmaker'] as const;

function participantRow(draft: ParticipantDraft, now: Date) {
  return { ...draft.columns, source: 'import' as const, status: 'active' as const, externalRef: draft.ref, confirmedAt: now, updatedAt: now };
}

/** What an item is for comparison: its matching data, in a fixed order. */
function itemShape(items: readonly ItemDraft[]) {
  return [...items]
    .sort((a, b) => a.kind.localeCompare(b.kind))
    .map((i) => [i.kind, i.categories, i.freeText, i.placeIds, i.languages, i.matchKeys]);
}

interface StoredParticipant {
  readonly id: string;
  readonly columns: ParticipantDraft['columns'];
  readonly items: ItemDraft[];
  readonly consents: { purpose: string; method: string; withdrawn: boolean }[];
}

/** The participants already imported under these refs, with their items and consents. */
async function storedParticipants(tx: Executor, refs: string[]): Promise<Map<string, StoredParticipant>> {
  const rows = await tx.select().from(participants).where(inArray(participants.externalRef, refs));
  const ids = rows.map((r) => r.id);
  const items = ids.length ? await tx.select().from(profileItems).where(inArray(profileItems.participantId, ids)) : [];
  const given = ids.length ? await tx.select().from(consents).where(inArray(consents.participantId, ids)) : [];
  const out = new Map<string, StoredParticipant>();
  for (const r of rows) {
    const { placeId, displayName, neighbourhood, language, spokenLanguages, availability, sensitiveFlags } = r;
    out.set(r.externalRef!, {
      id: r.id,
      columns: { placeId: placeId ?? -1, displayName: displayName ?? '', neighbourhood, language, spokenLanguages, availability, sensitiveFlags },
      items: items.filter((i) => i.participantId === r.id).map((i) => ({ ...i, kind: i.kind as ItemKind })),
      consents: given.filter((c) => c.participantId === r.id).map((c) => ({ purpose: c.purpose, method: c.method, withdrawn: c.withdrawnAt !== null })),
    });
  }
  return out;
}

/** Unchanged when columns, items and (not withdrawn) consents are what the row would write. */
function participantUnchanged(stored: StoredParticipant, draft: ParticipantDraft): boolean {
  const consentsSame = CONSENT_PURPOSES.every((purpose) =>
    stored.consents.some((c) => c.purpose === purpose && (c.withdrawn || c.method === draft.consentMethod)),
  );
  return consentsSame && same(stored.columns, draft.columns) && same(itemShape(stored.items), itemShape(draft.items));
}

async function insertParticipants(tx: Executor, drafts: ParticipantDraft[]): Promise<string[]> {
  if (drafts.length === 0) return [];
  const now = new Date();
  const created = await tx
    .insert(participants)
    .values(drafts.map((d) => participantRow(d, now)))
    .returning({ id: participants.id, ref: participants.externalRef });
  const idOf = new Map(created.map((c) => [c.ref, c.id]));
  const consentRows = drafts.flatMap((d) => CONSENT_PURPOSES.map((purpose) => ({ participantId: idOf.get(d.ref)!, purpose, method: d.consentMethod })));
  await tx.insert(consents).values(consentRows);
  const items = drafts.flatMap((d) => d.items.map((item) => ({ ...item, participantId: idOf.get(d.ref)! })));
  if (items.length > 0) await tx.insert(profileItems).values(items);
  return drafts.map((d) => idOf.get(d.ref)!);
}

/** The sheet changed: its columns, items and consent method replace what the last import wrote. */
async function updateParticipant(tx: Executor, stored: StoredParticipant, draft: ParticipantDraft): Promise<void> {
  await tx.update(participants).set({ ...draft.columns, updatedAt: new Date() }).where(eq(participants.id, stored.id));
  await tx.delete(profileItems).where(eq(profileItems.participantId, stored.id));
  if (draft.items.length > 0) await tx.insert(profileItems).values(draft.items.map((item) => ({ ...item, participantId: stored.id })));
  // A withdrawn consent stays withdrawn: a re-import never grants it again.
  await tx
    .update(consents)
    .set({ method: draft.consentMethod })
    .where(and(eq(consents.participantId, stored.id), inArray(consents.purpose, [...CONSENT_PURPOSES]), sql`${consents.withdrawnAt} is null`));
  const missing = CONSENT_PURPOSES.filter((purpose) => !stored.consents.some((c) => c.purpose === purpose));
  if (missing.length > 0) await tx.insert(consents).values(missing.map((purpose) => ({ participantId: stored.id, purpose, method: draft.consentMethod })));
}

async function writeParticipants(tx: Executor, drafts: ParticipantDraft[], tally: Tally): Promise<void> {
  const stored = await storedParticipants(tx, drafts.map((d) => d.ref));
  const fresh: ParticipantDraft[] = [];
  for (const draft of drafts) {
    const before = stored.get(draft.ref);
    if (!before) fresh.push(draft);
    else if (participantUnchanged(before, draft)) tally.unchanged += 1;
    else {
      await updateParticipant(tx, before, draft);
      tally.updated += 1;
      tally.participantIds.push(before.id);
    }
  }
  const ids = await insertParticipants(tx, fresh);
  tally.added += ids.length;
  tally.participantIds.push(...ids);
}

function offerColumns(draft: OfferDraft) {
  const i = draft.input;
  return {
    organisationId: draft.organisationId,
    kind: i.kind,
    type: i.type,
    title: i.title,
    description: i.description,
    categories: i.categories,
    placeCodes: i.places,
    languages: i.languages,
    startsOn: i.startsOn,
    endsOn: i.endsOn,
    capacity: i.capacity,
    contact: i.contact,
  };
}

/** The offer's matching item, as `offer-store.ts` writes it; closed offers have none. */
function offerItem(offerId: string, draft: OfferDraft) {
  const i = draft.input;
  return {
    offerId,
    kind: i.kind,
    categories: i.categories,
    freeText: `${i.title} · ${i.description}`.slice(0, 600),
    placeIds: draft.placeIds,
    languages: i.languages,
    validUntil: i.endsOn ? new Date(`${i.endsOn}T23:59:59Z`) : null,
    matchKeys: matchKeys(i.kind, draft.placeIds, i.categories),
  };
}

/** Offers are keyed by `authorAadId = import:<id>` (no Entra id starts with `import:`). */
async function writeOffers(tx: Executor, drafts: OfferDraft[], tally: Tally): Promise<void> {
  const stored = await tx.select().from(offers).where(inArray(offers.authorAadId, drafts.map((d) => d.ref)));
  const byRef = new Map(stored.map((o) => [o.authorAadId, o]));
  const fresh: OfferDraft[] = [];
  for (const draft of drafts) {
    const before = byRef.get(draft.ref);
    if (!before) fresh.push(draft);
    else if (same(offerColumns(draft), pick(before, offerColumns(draft)))) tally.unchanged += 1;
    else {
      // A closed offer stays closed (its organisation closed it in Teams); its content follows the sheet.
      await tx.update(offers).set({ ...offerColumns(draft), updatedAt: new Date() }).where(eq(offers.id, before.id));
      await tx.delete(profileItems).where(eq(profileItems.offerId, before.id));
      if (before.status === 'open') await tx.insert(profileItems).values(offerItem(before.id, draft));
      tally.updated += 1;
      tally.offerIds.push(before.id);
    }
  }
  if (fresh.length === 0) return;
  const created = await tx
    .insert(offers)
    .values(fresh.map((d) => ({ ...offerColumns(d), authorAadId: d.ref })))
    .returning({ id: offers.id, ref: offers.authorAadId });
  const idOf = new Map(created.map((c) => [c.ref, c.id]));
  await tx.insert(profileItems).values(fresh.map((d) => offerItem(idOf.get(d.ref)!, d)));
  tally.added += fresh.length;
  tally.offerIds.push(...fresh.map((d) => idOf.get(d.ref)!));
}

/** The stored values of the keys of `shape`, in its key order, for comparison. */
function pick(row: Record<string, unknown>, shape: object): Record<string, unknown> {
  return Object.fromEntries(Object.keys(shape).map((k) => [k, row[k]]));
}

function batches<T>(list: readonly T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += BATCH) out.push(list.slice(i, i + BATCH));
  return out;
}

async function writeAll(tx: Executor, drafts: Draft[], onProgress: ImportOptions['onProgress']): Promise<Tally> {
  // One import at a time: two at once could both add the same offer.
  await tx.execute(sql`select pg_advisory_xact_lock(hashtextextended('goesting:import', 0))`);
  const tally: Tally = { added: 0, updated: 0, unchanged: 0, participantIds: [], offerIds: [] };
  let done = 0;
  const progress = (count: number) => {
    done += count;
    onProgress?.(done, drafts.length);
  };
  progress(0);
  for (const batch of batches(drafts.filter((d): d is ParticipantDraft => d.type === 'participant'))) {
    await writeParticipants(tx, batch, tally);
    progress(batch.length);
  }
  for (const batch of batches(drafts.filter((d): d is OfferDraft => d.type === 'offer'))) {
    await writeOffers(tx, batch, tally);
    progress(batch.length);
  }
  return tally;
}

// ---------------------------------------------------------------------------------------------
// Entry points.

/** The file's rows; a file that cannot be read at all is one `ImportError` line. */
export function readImportFile(filePath: string): SourceTable {
  const name = path.basename(filePath);
  const ext = path.extname(filePath).toLowerCase();
  if (ext !== '.csv' && ext !== '.json') throw new ImportError([`${name}: expected a .csv or .json file`]);
  let bytes: Buffer;
  try {
    bytes = readFileSync(filePath);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'unknown error';
    throw new ImportError([code === 'ENOENT' ? `${name}: file not found` : `${name}: cannot be read (${code})`]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError([`${name}: not UTF-8 text; in Excel use "Save as" → "CSV UTF-8"`]);
  }
  try {
    return ext === '.csv' ? readCsv(text) : readJson(text);
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    const unit = ext === '.csv' ? 'line' : 'row';
    throw new ImportError([error.at === undefined ? `${name}: ${error.message}` : `${unit} ${error.at}: ${error.message}`]);
  }
}

async function loadLookup(db: Database, today: string): Promise<Lookup> {
  const placeRows = await db.select({ id: places.id, code: places.code }).from(places);
  const orgRows = await db.select({ id: organisations.id, code: organisations.code }).from(organisations);
  return { places: new Map(placeRows.map((p) => [p.code, p.id])), organisations: new Map(orgRows.map((o) => [o.code, o.id])), today };
}

/**
 * Imports a `.csv` or `.json` list: validates every row (an `ImportError` lists all problems and
 * nothing is written), then writes everything in one transaction and calls `afterCommit`.
 */
export async function importFile(db: Database, filePath: string, options: ImportOptions): Promise<ImportSummary> {
  const table = readImportFile(filePath);
  const drafts = validateTable(table, await loadLookup(db, options.today));
  const tally = await db.transaction((tx) => writeAll(tx, drafts, options.onProgress));
  const ids: ImportedIds = { participantIds: tally.participantIds, offerIds: tally.offerIds };
  await options.afterCommit?.(ids);
  return { rows: drafts.length, ...tally };
}
