/**
 * Administration without SQL: places, organisations and their Entra tenants, matchmakers.
 * Every command takes its options as typed on the command line, validates them with zod and is
 * idempotent, so an admin can rerun a script; a refusal is one `AdminError` line naming the option.
 */
import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import { z } from 'zod';
import { SENSITIVE_FLAGS } from '../../core/taxonomy/categories.js';
import type { Database } from '../client.js';
import { matchmakers, organisations, organisationTenants, places, type PlaceService } from '../schema/index.js';

/** A command refused: the message is one line that names the option and says what is expected. */
export class AdminError extends Error {
  override name = 'AdminError';
}

/** What a place's service can be shown for: the sensitive needs plus a few general doors. */
export const SERVICE_TOPICS: readonly string[] = [...SENSITIVE_FLAGS, 'work', 'learning', 'general'];
const SERVICE_KEYS = ['name', 'topics', 'phone', 'address', 'url'] as const;

const CODE = /^[a-z0-9-]{2,32}$/;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const code = (what: string) => z.string({ error: what }).trim().regex(CODE, what);
const label = (what: string, max: number) => z.string({ error: what }).trim().min(1, what).max(max, what);
/** Entra ids are compared as text elsewhere, so they are stored in one case. */
const guid = (what: string) => z.string({ error: what }).trim().regex(GUID, what).transform((s) => s.toLowerCase());
/** Absent keeps what is stored; an empty string clears it. */
const contact = z
  .string({ error: 'a phone number, e-mail address or short text' })
  .trim()
  .max(300, 'at most 300 characters')
  .transform((s) => (s === '' ? null : s))
  .optional();

const PLACE_CODE = '2 to 32 characters: lowercase letters, digits or -, like lier';

/** Parses `name=CAW;phone=0800 13 500;topics=money_debts,housing` into a service. */
export function parseServiceSpec(spec: string): PlaceService | string {
  const fields = new Map<string, string>();
  for (const part of spec.split(';')) {
    if (part.trim() === '') continue;
    const at = part.indexOf('=');
    if (at < 0) return `key=value parts separated by ; (not "${part.trim()}")`;
    const key = part.slice(0, at).trim().toLowerCase();
    const value = part.slice(at + 1).trim();
    if (!(SERVICE_KEYS as readonly string[]).includes(key)) return `keys among ${SERVICE_KEYS.join(', ')} (not "${key}")`;
    if (fields.has(key)) return `each key once (${key} is repeated)`;
    if (value === '') return `a value after ${key}=`;
    fields.set(key, value);
  }
  const name = fields.get('name');
  if (!name) return 'a name=… part, like "name=CAW;phone=0800 13 500;topics=money_debts,housing"';
  const topics = [...new Set((fields.get('topics') ?? '').split(',').map((t) => t.trim()).filter(Boolean))];
  if (topics.length === 0) return `a topics=… part with one or more of ${SERVICE_TOPICS.join(', ')}`;
  const unknown = topics.find((t) => !SERVICE_TOPICS.includes(t));
  if (unknown) return `topics among ${SERVICE_TOPICS.join(', ')} (not "${unknown}")`;
  const url = fields.get('url');
  if (url !== undefined && !/^https?:\/\/\S+\.\S+$/.test(url)) return `url=… to be an http:// or https:// address (not "${url}")`;
  // Fixed key order, so comparing with what is stored is plain JSON equality.
  const service: PlaceService = { name, topics };
  for (const key of ['phone', 'address', 'url'] as const) {
    const value = fields.get(key);
    if (value !== undefined) service[key] = value;
  }
  return service;
}

const serviceSpec = z.string({ error: 'name=…;topics=… (see usage)' }).transform((spec, ctx) => {
  const parsed = parseServiceSpec(spec);
  if (typeof parsed === 'string') {
    ctx.addIssue({ code: 'custom', message: parsed });
    return z.NEVER;
  }
  return parsed;
});

const placeAddSchema = z.object({
  code: code(PLACE_CODE),
  name: label("the place's name, like \"Turnhout Parkwijk\"", 100),
  city: label('the city, like Lier', 100),
  contact,
  service: z.array(serviceSpec).optional(),
});

const orgAddSchema = z.object({
  code: code('2 to 32 characters: lowercase letters, digits or -, like vdab'),
  name: label("the organisation's name, like VDAB", 100),
  contact,
  tenant: z.array(guid('a Microsoft Entra tenant id, a GUID like 6f1c2a4e-8b3d-4c5a-9e7f-0a1b2c3d4e5f')).optional(),
});

const tenantSchema = z.object({ tenant: guid('a Microsoft Entra tenant id, a GUID like 6f1c2a4e-8b3d-4c5a-9e7f-0a1b2c3d4e5f') });

const AAD = "the person's Microsoft Entra object id, a GUID like 00000000-0000-0000-0000-000000000000";
const matchmakerAddSchema = z.object({ aad: guid(AAD), place: code(PLACE_CODE), name: label('the name colleagues know them by, like Els', 100) });
const matchmakerRemoveSchema = z.object({ aad: guid(AAD), place: code(PLACE_CODE) });
const matchmakerListSchema = z.object({ place: code(PLACE_CODE).optional() });

/** Validates raw options; the first problem becomes one line such as `--code is not valid: expected …`. */
function parse<S extends z.ZodType>(schema: S, raw: object): z.output<S> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const [key, index] = issue?.path ?? [];
  const value: unknown = key === undefined ? undefined : (raw as Record<PropertyKey, unknown>)[key];
  const which = Array.isArray(value) && value.length > 1 && typeof index === 'number' ? ` #${index + 1}` : '';
  const missing = value === undefined || (typeof value === 'string' && value.trim() === '');
  const option = key === undefined ? 'an option' : `--${String(key)}${which}`;
  throw new AdminError(`${option} ${missing ? 'is missing' : 'is not valid'}: expected ${issue?.message ?? 'a valid value'}`);
}

export type Outcome = 'added' | 'updated' | 'unchanged';

/** Key-order-free equality, since jsonb does not keep the order objects were written in. */
function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(canonical)
      : x && typeof x === 'object'
        ? Object.fromEntries(Object.entries(x).sort(([p], [q]) => (p < q ? -1 : 1)).map(([k, v]) => [k, canonical(v)]))
        : x;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}

export interface PlaceAddOptions {
  code?: string | undefined;
  name?: string | undefined;
  city?: string | undefined;
  contact?: string | undefined;
  service?: string[] | undefined;
}

export interface PlaceRecord {
  code: string;
  name: string;
  city: string;
  contact: string | null;
  services: PlaceService[];
}

/** Adds or changes a place by code; `--service` given replaces all its services, absent keeps them. */
export async function addPlace(db: Database, options: PlaceAddOptions): Promise<{ outcome: Outcome; place: PlaceRecord }> {
  const input = parse(placeAddSchema, options);
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

export interface OrgAddOptions {
  code?: string | undefined;
  name?: string | undefined;
  contact?: string | undefined;
  tenant?: string[] | undefined;
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
export async function addOrganisation(db: Database, options: OrgAddOptions): Promise<{ outcome: Outcome; organisation: OrganisationRecord }> {
  const input = parse(orgAddSchema, options);
  const tenants = [...new Set(input.tenant ?? [])];
  const conflict = (owner: { tenant: string; code: string; name: string }) =>
    new AdminError(
      `--tenant ${owner.tenant} is already registered to organisation ${owner.code} (${owner.name}): expected a tenant no other organisation has (to move it, first run "org remove-tenant --tenant ${owner.tenant}")`,
    );
  const changes = { name: input.name, ...(input.contact !== undefined ? { contact: input.contact } : {}) };
  return db.transaction(async (tx) => {
    const [before] = await tx.select().from(organisations).where(eq(organisations.code, input.code));
    const owners = await tenantOwners(tx, tenants);
    const foreign = owners.find((o) => o.code !== input.code);
    if (foreign) throw conflict(foreign);
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
      if (raced) throw conflict(raced);
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
export async function removeTenant(db: Database, options: { tenant?: string | undefined }): Promise<{ tenant: string; organisation: string | null }> {
  const { tenant } = parse(tenantSchema, options);
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
  const known = all.length > 0 ? `one of ${all.map((p) => p.code).join(', ')}` : 'a place added first with "place add"';
  throw new AdminError(`--place ${placeCode} is not a known place: expected ${known}`);
}

export interface MatchmakerRecord {
  aad: string;
  place: string;
  name: string;
}

/** Makes someone a matchmaker of a place (or renames them there). */
export async function addMatchmaker(
  db: Database,
  options: { aad?: string | undefined; place?: string | undefined; name?: string | undefined },
): Promise<{ outcome: Outcome; matchmaker: MatchmakerRecord }> {
  const input = parse(matchmakerAddSchema, options);
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
export async function removeMatchmaker(db: Database, options: { aad?: string | undefined; place?: string | undefined }): Promise<{ removed: boolean }> {
  const input = parse(matchmakerRemoveSchema, options);
  const id = await placeId(db, input.place);
  const removed = await db
    .delete(matchmakers)
    .where(and(eq(matchmakers.aadObjectId, input.aad), eq(matchmakers.placeId, id)))
    .returning({ id: matchmakers.id });
  return { removed: removed.length > 0 };
}

export async function listMatchmakers(db: Database, options: { place?: string | undefined } = {}): Promise<MatchmakerRecord[]> {
  const input = parse(matchmakerListSchema, options);
  const id = input.place === undefined ? undefined : await placeId(db, input.place);
  return db
    .select({ aad: matchmakers.aadObjectId, place: places.code, name: matchmakers.name })
    .from(matchmakers)
    .innerJoin(places, eq(places.id, matchmakers.placeId))
    .where(id === undefined ? undefined : eq(matchmakers.placeId, id))
    .orderBy(asc(places.code), asc(matchmakers.name), asc(matchmakers.aadObjectId));
}
