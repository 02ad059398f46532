/**
 * Writes validated import drafts: participants and offers, batch by batch, in one transaction
 * under an advisory lock, keyed by the sheet's own id so a re-import changes nothing; and loads
 * what validation looks codes up in. Load and save only: the rules are in `core/import/`.
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { offerItem } from '../../core/offers/item.js';
import type { ImportDraft, ImportLookup, ImportTally, ItemDraft, ItemKind, OfferDraft, ParticipantDraft } from '../../core/import/types.js';
import type { Database, Executor } from '../client.js';
import { rowsOf } from '../client.js';
import { consents, offers, organisations, participants, places, profileItems } from '../schema/index.js';

const BATCH = 250;

/** The place and organisation codes that exist, for validating a file against. */
export async function loadImportLookup(db: Database, today: string): Promise<ImportLookup> {
  const placeRows = await db.select({ id: places.id, code: places.code }).from(places);
  const orgRows = await db.select({ id: organisations.id, code: organisations.code }).from(organisations);
  return { places: new Map(placeRows.map((p) => [p.code, p.id])), organisations: new Map(orgRows.map((o) => [o.code, o.id])), today };
}

/** How many people and offers are stored (e.g. to load demo data only into an empty database). */
export async function peopleAndOffers(db: Database): Promise<{ people: number; offers: number }> {
  const [counts] = rowsOf<{ people: number; offers: number }>(
    await db.execute(sql`select (select count(*) from participants)::int as people, (select count(*) from offers)::int as offers`),
  );
  return counts ?? { people: 0, offers: 0 };
}

type Tally = { -readonly [K in keyof ImportTally]: ImportTally[K] };

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
const offerItemOf = (offerId: string, draft: OfferDraft) => ({ offerId, ...offerItem(draft.input, draft.placeIds) });

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
      if (before.status === 'open') await tx.insert(profileItems).values(offerItemOf(before.id, draft));
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
  await tx.insert(profileItems).values(fresh.map((d) => offerItemOf(idOf.get(d.ref)!, d)));
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

async function writeAll(tx: Executor, drafts: readonly ImportDraft[], onProgress: Progress | undefined): Promise<Tally> {
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


type Progress = (done: number, total: number) => void;

/** Writes all drafts in one transaction; `onProgress` gets rows written so far, of all rows. */
export function writeImport(db: Database, drafts: readonly ImportDraft[], onProgress?: Progress): Promise<ImportTally> {
  return db.transaction((tx) => writeAll(tx, drafts, onProgress));
}
