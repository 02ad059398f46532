/**
 * The admin commands' options as typed on the command line, validated with zod: a refusal is one
 * `AdminError` line naming the option, such as `--code is not valid: expected …`.
 */
import { z } from 'zod';
import { AdminError } from './errors.js';
import { parseServiceSpec } from './service-spec.js';
import { UUID_PATTERN as GUID } from '../ids.js';

const CODE = /^[a-z0-9-]{2,32}$/;

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

export interface PlaceAddOptions {
  code?: string | undefined;
  name?: string | undefined;
  city?: string | undefined;
  contact?: string | undefined;
  service?: string[] | undefined;
}

export interface OrgAddOptions {
  code?: string | undefined;
  name?: string | undefined;
  contact?: string | undefined;
  tenant?: string[] | undefined;
}

export interface MatchmakerOptions {
  aad?: string | undefined;
  place?: string | undefined;
  name?: string | undefined;
}

export type PlaceInput = z.output<typeof placeAddSchema>;
export type OrganisationInput = z.output<typeof orgAddSchema>;
export type MatchmakerInput = z.output<typeof matchmakerAddSchema>;
export type MatchmakerKey = z.output<typeof matchmakerRemoveSchema>;

export const parsePlaceAdd = (options: PlaceAddOptions): PlaceInput => parse(placeAddSchema, options);
export const parseOrgAdd = (options: OrgAddOptions): OrganisationInput => parse(orgAddSchema, options);
export const parseTenant = (options: { tenant?: string | undefined }): string => parse(tenantSchema, options).tenant;
export const parseMatchmakerAdd = (options: MatchmakerOptions): MatchmakerInput => parse(matchmakerAddSchema, options);
export const parseMatchmakerRemove = (options: MatchmakerOptions): MatchmakerKey => parse(matchmakerRemoveSchema, options);
export const parseMatchmakerList = (options: { place?: string | undefined }): { place?: string | undefined } => parse(matchmakerListSchema, options);

export type Outcome = 'added' | 'updated' | 'unchanged';

/** Key-order-free equality, since jsonb does not keep the order objects were written in. */
export function sameJson(a: unknown, b: unknown): boolean {
  const canonical = (x: unknown): unknown =>
    Array.isArray(x)
      ? x.map(canonical)
      : x && typeof x === 'object'
        ? Object.fromEntries(Object.entries(x).sort(([p], [q]) => (p < q ? -1 : 1)).map(([k, v]) => [k, canonical(v)]))
        : x;
  return JSON.stringify(canonical(a)) === JSON.stringify(canonical(b));
}
