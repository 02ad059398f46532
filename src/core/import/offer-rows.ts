/**
 * An offer or ask row → the same offer input the Teams form makes, checked by the form's own
 * parser; its problems worded for a file (column names of the format, plain English).
 */
import { OFFER_TYPES, parseOfferForm, type FieldError, type OfferField } from '../offers/offer-form.js';
import { CATEGORY_BY_ID, SPOKEN_LANGUAGES } from '../taxonomy/categories.js';
import { choices, oneOf, placeIdOf, splitList, unique, type RowCheck } from './row-check.js';
import type { ImportLookup, OfferDraft } from './types.js';

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

export function validateOffer(check: RowCheck, ref: string, kind: 'offer' | 'ask', lookup: ImportLookup): OfferDraft | undefined {
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

