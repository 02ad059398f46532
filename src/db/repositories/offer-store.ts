/**
 * Offers and asks of providers, and their matching items. Saving an offer rewrites its item;
 * closing it removes the item, so closed offers stop matching at once.
 */
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { OfferInput } from '../../core/offers/offer-form.js';
import type { ConversationRecord, Directory, Offer, OfferStore } from '../../core/offers/ports.js';
import { offerItem } from '../../core/offers/item.js';
import { matchmakerConversationsOf } from './conversations.js';
import type { Database, Executor } from '../client.js';
import { matchmakers, offers, organisations, organisationTenants, places, profileItems, teamsConversations } from '../schema/index.js';

type OfferRow = typeof offers.$inferSelect;

function toOffer(row: OfferRow): Offer {
  return {
    id: row.id,
    organisationId: row.organisationId,
    status: row.status,
    kind: row.kind,
    type: row.type,
    title: row.title,
    description: row.description,
    categories: row.categories,
    places: row.placeCodes,
    languages: row.languages,
    startsOn: row.startsOn,
    endsOn: row.endsOn,
    capacity: row.capacity,
    contact: row.contact,
  };
}

function columns(input: OfferInput) {
  return {
    kind: input.kind,
    type: input.type,
    title: input.title,
    description: input.description,
    categories: input.categories,
    placeCodes: input.places,
    languages: input.languages,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    capacity: input.capacity,
    contact: input.contact,
    updatedAt: new Date(),
  };
}

/** The offer as a matching item: same categories, places and languages as residents' items. */
async function writeItem(tx: Executor, offer: Offer): Promise<void> {
  await tx.delete(profileItems).where(eq(profileItems.offerId, offer.id));
  if (offer.status !== 'open') return;
  const ids = offer.places.length
    ? (await tx.select({ id: places.id }).from(places).where(inArray(places.code, offer.places))).map((p) => p.id)
    : [];
  await tx.insert(profileItems).values({ offerId: offer.id, ...offerItem(offer, ids) });
}

export function createOfferStore(db: Database): OfferStore {
  const mine = (id: string, organisationId: number) => and(eq(offers.id, id), eq(offers.organisationId, organisationId));
  const isUuid = (id: string) => /^[0-9a-f-]{36}$/i.test(id);
  return {
    create: (organisationId, authorAadId, input) =>
      db.transaction(async (tx) => {
        const [row] = await tx.insert(offers).values({ organisationId, authorAadId, ...columns(input) }).returning();
        const offer = toOffer(row!);
        await writeItem(tx, offer);
        return offer;
      }),
    update: (id, organisationId, input) =>
      isUuid(id)
        ? db.transaction(async (tx) => {
            const [row] = await tx.update(offers).set(columns(input)).where(and(mine(id, organisationId), eq(offers.status, 'open'))).returning();
            if (!row) return null;
            const offer = toOffer(row);
            await writeItem(tx, offer);
            return offer;
          })
        : Promise.resolve(null),
    close: (id, organisationId) =>
      isUuid(id)
        ? db.transaction(async (tx) => {
            const [row] = await tx.update(offers).set({ status: 'closed', closedAt: new Date(), updatedAt: new Date() }).where(mine(id, organisationId)).returning();
            if (!row) return null;
            const offer = toOffer(row);
            await writeItem(tx, offer);
            return offer;
          })
        : Promise.resolve(null),
    async get(id, organisationId) {
      if (!isUuid(id)) return null;
      const [row] = await db.select().from(offers).where(mine(id, organisationId));
      return row ? toOffer(row) : null;
    },
    async listForOrganisation(organisationId) {
      const rows = await db.select().from(offers).where(eq(offers.organisationId, organisationId)).orderBy(offers.status, desc(offers.updatedAt)).limit(50);
      return rows.map(toOffer);
    },
  };
}

export function createDirectory(db: Database): Directory {
  return {
    async organisationForTenant(tenantId) {
      const [row] = await db
        .select({ id: organisations.id, name: organisations.name })
        .from(organisationTenants)
        .innerJoin(organisations, eq(organisations.id, organisationTenants.organisationId))
        .where(eq(organisationTenants.tenantId, tenantId.toLowerCase()));
      return row ?? null;
    },
    async matchmakerPlaces(aadObjectId) {
      return db
        .select({ code: places.code, name: places.name })
        .from(matchmakers)
        .innerJoin(places, eq(places.id, matchmakers.placeId))
        .where(eq(matchmakers.aadObjectId, aadObjectId.toLowerCase()))
        .orderBy(places.code);
    },
    placeCodes: () => db.select({ code: places.code, name: places.name }).from(places).orderBy(places.id),
    async saveConversation(record: ConversationRecord) {
      const values = {
        conversationId: record.conversationId,
        aadObjectId: record.aadObjectId?.toLowerCase() ?? null,
        tenantId: record.tenantId ?? null,
        kind: record.kind,
        reference: record.reference,
        updatedAt: new Date(),
      };
      await db.insert(teamsConversations).values(values).onConflictDoUpdate({ target: teamsConversations.conversationId, set: values });
    },
    async matchmakerConversations(placeCode) {
      const rows = await matchmakerConversationsOf(db, sql`(select ${places.id} from ${places} where ${places.code} = ${placeCode})`);
      return rows.map((r) => r.reference);
    },
  };
}
