/**
 * Administration without SQL: places, organisations and their Entra tenants, matchmakers. Every
 * write takes input already validated by `core/admin/options.ts` and is idempotent, so an admin can
 * rerun a script; a conflict is one `AdminError` line (worded in `core/admin/errors.ts`).
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { tenantConflict, unknownPlace } from '../../core/admin/errors.js';
import { sameJson, type MatchmakerInput, type MatchmakerKey, type OrganisationInput, type Outcome, type PlaceInput } from '../../core/admin/options.js';
import type { Database } from '../client.js';
import { matchmakers, organisations, organisationTenants, places, type PlaceService } from '../schema/index.js';

export interface PlaceRecord {
  code: string;
  name: string;
  city: string;
  contact: string | null;
  services: PlaceService[];
}

/** Adds or changes a place by code; `--service` given replaces all its services, absent keeps them. */
export async function addPlace(db: Database, input: PlaceInput): Promise<{ outcome: Outcome; place: PlaceRecord }> {
  const changes = {
    name: input.name,
    city: input.city,
    ...(input.contact !== undefined ? { contact: input.contact } : {}),
    ...(input.service !== undefined ? { services: input.service } : {}),
  };
  const columns = { code: places.code, name: places.name, city: places.city, contact: places.contact, services: places.services };
  return db.transaction(async (tx) => {
    const [before] = await tx.select(columns).from(places).where(eq(places.code, input.code));
    const [place] = await tx
      .insert(places)
      .values({ code: input.code, ...changes })
      .onConflictDoUpdate({ target: places.code, set: changes })
      .returning(columns);
    if (!place) throw new Error(`place ${input.code} was not written`);
    const outcome: Outcome = !before ? 'added' : sameJson(before, place) ? 'unchanged' : 'updated';
    return { outcome, place };
  });
}

export interface PlaceSummary {
  code: string;
  name: string;
  city: string;
  services: number;
  matchmakers: number;
}

export async function listPlaces(db: Database): Promise<PlaceSummary[]> {
  const rows = await db
    .select({
      code: places.code,
      name: places.name,
      city: places.city,
      services: sql<number>`jsonb_array_length(${places.services})`,
      matchmakers: sql<number>`count(${matchmakers.id})`,
    })
    .from(places)
    .leftJoin(matchmakers, eq(matchmakers.placeId, places.id))
    .groupBy(places.id)
    .orderBy(asc(places.code));
  // postgres.js returns count(*) as a string (bigint); PGlite as a number.
  return rows.map((r) => ({ ...r, services: Number(r.services), matchmakers: Number(r.matchmakers) }));
}

export interface OrganisationRecord {
  code: string;
  name: string;
  contact: string | null;
  tenants: string[];
}

/** Who a tenant belongs to now, so a conflict can name the other organisation. */
async function tenantOwners(db: Pick<Database, 'select'>, tenants: string[]) {
  if (tenants.length === 0) return [];
  return db
    .select({ tenant: organisationTenants.tenantId, code: organisations.code, name: organisations.name })
    .from(organisationTenants)
    .innerJoin(organisations, eq(organisations.id, organisationTenants.organisationId))
    .where(inArray(organisationTenants.tenantId, tenants));
}

/** Adds or changes an organisation by code and registers each `--tenant` to it (never moves one). */
export async function addOrganisation(db: Database, input: OrganisationInput): Promise<{ outcome: Outcome; organisation: OrganisationRecord }> {
  const tenants = [...new Set(input.tenant ?? [])];
  const changes = { name: input.name, ...(input.contact !== undefined ? { contact: input.contact } : {}) };
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(organisations).where(eq(organisations.code, input.code));
    const owners = await tenantOwners(tx, tenants);
    const foreign = owners.find((o) => o.code !== input.code);
    if (foreign) throw tenantConflict(foreign);
    const [org] = await tx
      .insert(organisations)
      .values({ code: input.code, ...changes })
      .onConflictDoUpdate({ target: organisations.code, set: changes })
      .returning();
    if (!org) throw new Error(`organisation ${input.code} was not written`);
    let added = 0;
    if (tenants.length > 0) {
      const inserted = await tx
        .insert(organisationTenants)
        .values(tenants.map((tenantId) => ({ tenantId, organisationId: org.id })))
        .onConflictDoNothing()
        .returning({ tenant: organisationTenants.tenantId });
      added = inserted.length;
      // Another admin may have registered one of them meanwhile: then it is theirs, and this fails whole.
      const raced = (await tenantOwners(tx, tenants)).find((o) => o.code !== input.code);
      if (raced) throw tenantConflict(raced);
    }
    const registered = await tx
      .select({ tenant: organisationTenants.tenantId })
      .from(organisationTenants)
      .where(eq(organisationTenants.organisationId, org.id))
      .orderBy(asc(organisationTenants.tenantId));
    const same = before && before.name === org.name && before.contact === org.contact && added === 0;
    return {
      outcome: !before ? 'added' : same ? 'unchanged' : 'updated',
      organisation: { code: org.code, name: org.name, contact: org.contact, tenants: registered.map((r) => r.tenant) },
    };
  });
}

/** Unregisters a tenant; one that was not registered is fine (the command is idempotent). */
export async function removeTenant(db: Database, tenant: string): Promise<{ tenant: string; organisation: string | null }> {
  const [owner] = await tenantOwners(db, [tenant]);
  await db.delete(organisationTenants).where(eq(organisationTenants.tenantId, tenant));
  return { tenant, organisation: owner?.code ?? null };
}

export async function listOrganisations(db: Database): Promise<OrganisationRecord[]> {
  const orgs = await db.select().from(organisations).orderBy(asc(organisations.code));
  const tenants = await db.select().from(organisationTenants).orderBy(asc(organisationTenants.tenantId));
  return orgs.map((o) => ({
    code: o.code,
    name: o.name,
    contact: o.contact,
    tenants: tenants.filter((t) => t.organisationId === o.id).map((t) => t.tenantId),
  }));
}

/** The place's id, or a refusal that lists the codes an admin could have meant. */
async function placeId(db: Pick<Database, 'select'>, placeCode: string): Promise<number> {
  const all = await db.select({ id: places.id, code: places.code }).from(places).orderBy(asc(places.code));
  const found = all.find((p) => p.code === placeCode);
  if (found) return found.id;
  throw unknownPlace(placeCode, all.map((p) => p.code));
}

export interface MatchmakerRecord {
  aad: string;
  place: string;
  name: string;
}

/** Makes someone a matchmaker of a place (or renames them there). */
export async function addMatchmaker(db: Database, input: MatchmakerInput): Promise<{ outcome: Outcome; matchmaker: MatchmakerRecord }> {
  return db.transaction(async (tx) => {
    const id = await placeId(tx, input.place);
    const where = and(eq(matchmakers.aadObjectId, input.aad), eq(matchmakers.placeId, id));
    const [before] = await tx.select({ name: matchmakers.name }).from(matchmakers).where(where);
    await tx
      .insert(matchmakers)
      .values({ aadObjectId: input.aad, placeId: id, name: input.name })
      .onConflictDoUpdate({ target: [matchmakers.aadObjectId, matchmakers.placeId], set: { name: input.name } });
    const outcome: Outcome = !before ? 'added' : before.name === input.name ? 'unchanged' : 'updated';
    return { outcome, matchmaker: { aad: input.aad, place: input.place, name: input.name } };
  });
}

/** Removes someone as matchmaker of a place; someone who was not is fine (idempotent). */
export async function removeMatchmaker(db: Database, input: MatchmakerKey): Promise<{ removed: boolean }> {
  const id = await placeId(db, input.place);
  const removed = await db
    .delete(matchmakers)
    .where(and(eq(matchmakers.aadObjectId, input.aad), eq(matchmakers.placeId, id)))
    .returning({ id: matchmakers.id });
  return { removed: removed.length > 0 };
}

export async function listMatchmakers(db: Database, input: { place?: string | undefined } = {}): Promise<MatchmakerRecord[]> {
  const id = input.place === undefined ? undefined : await placeId(db, input.place);
  return db
    .select({ aad: matchmakers.aadObjectId, place: places.code, name: matchmakers.name })
    .from(matchmakers)
    .innerJoin(places, eq(places.id, matchmakers.placeId))
    .where(id === undefined ? undefined : eq(matchmakers.placeId, id))
    .orderBy(asc(places.code), asc(matchmakers.name), asc(matchmakers.aadObjectId));
}

/** All place codes, in code order. */
export async function placeCodes(db: Database): Promise<string[]> {
  const rows = await db.select({ code: places.code }).from(places).orderBy(asc(places.code));
  return rows.map((r) => r.code);
}

/** Adds the organisations whose code is not stored yet; existing ones are left as they are. */
export async function addMissingOrganisations(db: Database, orgs: readonly { code: string; name: string }[]): Promise<void> {
  if (orgs.length > 0) await db.insert(organisations).values([...orgs]).onConflictDoNothing({ target: organisations.code });
}
