/**
 * What a provider fills in on the *New offer* / *New ask* card, validated in one place.
 * Errors are locale keys per field, so the card can show them in the user's language next to
 * what they typed.
 */
import { z } from 'zod';
import { CATEGORY_BY_ID, SPOKEN_LANGUAGES, type Lang } from '../taxonomy/categories.js';
import { readText } from '../understanding/read.js';
import { stripUnsafe } from '../dialogue/text.js';

export const OFFER_KINDS = ['offer', 'ask'] as const;
export type OfferKind = (typeof OFFER_KINDS)[number];
export const OFFER_TYPES = ['course', 'job', 'volunteering', 'activity', 'space', 'material', 'service'] as const;
export type OfferType = (typeof OFFER_TYPES)[number];

export const OFFER_FIELDS = ['title', 'description', 'type', 'categories', 'places', 'languages', 'startsOn', 'endsOn', 'capacity', 'contact'] as const;
export type OfferField = (typeof OFFER_FIELDS)[number];

export interface OfferInput {
  readonly kind: OfferKind;
  readonly type: OfferType;
  readonly title: string;
  readonly description: string;
  readonly categories: string[];
  readonly places: string[];
  readonly languages: string[];
  readonly startsOn: string | null;
  readonly endsOn: string | null;
  readonly capacity: number | null;
  readonly contact: string;
}

/** A field's error: a locale key in the `teams` namespace, with parameters. */
export interface FieldError {
  readonly key: string;
  readonly params?: Record<string, string | number>;
}

export type OfferFormResult =
  | { readonly ok: true; readonly value: OfferInput }
  | {
      readonly ok: false;
      readonly errors: Partial<Record<OfferField, FieldError>>;
      /** When no category was chosen: the ones the title and description say, to tick for the provider. */
      readonly suggestedCategories?: string[];
    };

const LIMITS = { title: 80, description: 500, contact: 120 } as const;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
// Control and bidi-override characters never belong in a title or description.
const clean = (v: unknown) => (typeof v === 'string' ? stripUnsafe(v).trim() : v);
/** Adaptive Card multi-selects send "a,b,c"; tests and other clients may send arrays. */
const list = (v: unknown) =>
  Array.isArray(v) ? v.map(String) : typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : [];
const optional = (v: unknown) => (v === undefined || v === null || (typeof v === 'string' && v.trim() === '') ? null : clean(v));

function text(max: number) {
  return z.preprocess(
    clean,
    z.string({ error: 'errors.required' }).min(1, { error: 'errors.required' }).max(max, { error: 'errors.tooLong' }),
  );
}

function validDate(value: string): boolean {
  if (!DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function schema(placeCodes: readonly string[], today: string) {
  const date = z.preprocess(optional, z.string().refine(validDate, { error: 'errors.date' }).nullable());
  return z
    .object({
      kind: z.enum(OFFER_KINDS, { error: 'errors.unknownChoice' }),
      type: z.preprocess(clean, z.enum(OFFER_TYPES, { error: 'errors.pickOne' })),
      title: text(LIMITS.title),
      description: text(LIMITS.description),
      categories: z.preprocess(
        list,
        z.array(z.string().refine((id) => CATEGORY_BY_ID.has(id), { error: 'errors.unknownChoice' })).min(1, { error: 'errors.pickOne' }).max(10, { error: 'errors.tooMany' }),
      ),
      places: z.preprocess(list, z.array(z.string().refine((c) => placeCodes.includes(c), { error: 'errors.unknownChoice' })).min(1, { error: 'errors.pickOne' })),
      languages: z.preprocess(
        list,
        z.array(z.string().refine((l) => (SPOKEN_LANGUAGES as readonly string[]).includes(l), { error: 'errors.unknownChoice' })).min(1, { error: 'errors.pickOne' }),
      ),
      startsOn: date,
      endsOn: date.refine((d) => d === null || d >= today, { error: 'errors.past' }),
      capacity: z.preprocess(
        (v) => (optional(v) === null ? null : Number(v)),
        z.number({ error: 'errors.capacity' }).int({ error: 'errors.capacity' }).min(1, { error: 'errors.capacity' }).max(10_000, { error: 'errors.capacity' }).nullable(),
      ),
      contact: text(LIMITS.contact),
    })
    .superRefine((v, ctx) => {
      if (v.startsOn && v.endsOn && v.endsOn < v.startsOn) ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'errors.dateOrder' });
    });
}

const PARAMS: Partial<Record<OfferField, Record<string, number>>> = {
  title: { max: LIMITS.title },
  description: { max: LIMITS.description },
  contact: { max: LIMITS.contact },
  categories: { max: 10 },
};

/**
 * Validates raw card data; `today` (YYYY-MM-DD) decides what is in the past; `lang`, the
 * provider's language, helps read the title and description when no category was chosen.
 */
export function parseOfferForm(raw: Readonly<Record<string, unknown>>, placeCodes: readonly string[], today: string, lang?: Lang): OfferFormResult {
  const result = schema(placeCodes, today).safeParse(raw);
  if (result.success) {
    const value: OfferInput = { ...result.data, categories: [...new Set(result.data.categories)], places: [...new Set(result.data.places)], languages: [...new Set(result.data.languages)] };
    return { ok: true, value };
  }
  const errors: Partial<Record<OfferField, FieldError>> = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0] as OfferField;
    if (errors[field] || !(OFFER_FIELDS as readonly string[]).includes(field)) continue;
    const key = issue.message.startsWith('errors.') ? issue.message : 'errors.invalid';
    const params = PARAMS[field];
    errors[field] = params ? { key, params } : { key };
  }
  const suggestedCategories = errors.categories?.key === 'errors.pickOne' ? categoriesInText(raw, lang) : [];
  if (suggestedCategories.length === 0) return { ok: false, errors };
  return { ok: false, errors: { ...errors, categories: { key: 'errors.pickOneSuggested' } }, suggestedCategories };
}

/** The categories a provider's title and description say, best first (read like residents' words). */
function categoriesInText(raw: Readonly<Record<string, unknown>>, lang: Lang | undefined): string[] {
  const words = [raw.title, raw.description].filter((v): v is string => typeof v === 'string').join('. ');
  return readText(words.slice(0, 2 * LIMITS.description), { part: 'offer', lang }).categories.slice(0, 3).map((s) => s.id);
}
