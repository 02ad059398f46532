/**
 * The provider's cards: help, refusal, the offer/ask form, notices and the list of their offers.
 * Every string comes from `locales/<lng>/teams.json`; categories and languages use the shared
 * taxonomy labels.
 */
import { CATEGORIES, SPOKEN_LANGUAGES } from '../../core/taxonomy/categories.js';
import { OFFER_TYPES, type FieldError, type OfferField, type OfferKind } from '../../core/offers/offer-form.js';
import type { Offer } from '../../core/offers/ports.js';
import { card, execute, heading, paragraph, type Card, type CardText, type Element } from './elements.js';

export type Role = { provider?: { organisation: string; name: string }; matchmakerOf?: string[] };

/** What each role can do, with buttons for providers. */
export function helpCard(t: CardText, role: Role): Card {
  const body: Element[] = [heading(t('help.title'))];
  if (role.provider) body.push(paragraph(t('help.provider', { name: role.provider.name, organisation: role.provider.organisation })));
  if (role.matchmakerOf?.length) body.push(paragraph(t('help.matchmaker', { places: role.matchmakerOf.join(', ') })));
  if (!role.provider && !role.matchmakerOf?.length) body.push(paragraph(t('help.unknown')));
  const actions = role.provider
    ? [execute(t('help.newOffer'), 'newOffer'), execute(t('help.newAsk'), 'newAsk'), execute(t('help.myOffers'), 'myOffers')]
    : [];
  return card(body, actions);
}

export function refusedCard(t: CardText): Card {
  return card([heading(t('refused.title')), paragraph(t('refused.text'))]);
}

export interface FormValues {
  readonly [field: string]: unknown;
}

function valueOf(values: FormValues, field: OfferField): string | undefined {
  const v = values[field];
  if (v === undefined || v === null) return undefined;
  return Array.isArray(v) ? v.join(',') : String(v);
}

function errorBlock(t: CardText, error: FieldError | undefined): Element[] {
  return error ? [paragraph(t(error.key, error.params), { color: 'Attention', size: 'Small', spacing: 'None' })] : [];
}

/** The offer/ask form; after a failed save it shows what was typed and why it was refused. */
export function offerFormCard(
  t: CardText,
  options: {
    kind: OfferKind;
    offerId?: string | undefined;
    values?: FormValues;
    errors?: Partial<Record<OfferField, FieldError>>;
    places: { code: string; name: string }[];
  },
): Card {
  const values = options.values ?? {};
  const errors = options.errors ?? {};
  const input = (field: OfferField, element: Element): Element[] => {
    const value = valueOf(values, field);
    return [{ id: field, label: t(`form.${field}`), ...element, ...(value !== undefined ? { value } : {}) }, ...errorBlock(t, errors[field])];
  };
  const choices = (items: { title: string; value: string }[]) => items;
  const title = options.offerId
    ? t('form.edit', { title: String(values.title ?? '') })
    : t(options.kind === 'ask' ? 'form.newAsk' : 'form.newOffer');
  const body: Element[] = [
    heading(title),
    paragraph(t('form.hint'), { isSubtle: true, size: 'Small' }),
    ...(Object.keys(errors).length ? [paragraph(t('form.checkBelow'), { color: 'Attention', weight: 'Bolder' })] : []),
    ...input('title', { type: 'Input.Text', maxLength: 80, isRequired: true }),
    ...input('description', { type: 'Input.Text', isMultiline: true, maxLength: 500, isRequired: true }),
    ...input('type', { type: 'Input.ChoiceSet', style: 'compact', isRequired: true, choices: choices(OFFER_TYPES.map((x) => ({ title: t(`type.${x}`), value: x }))) }),
    ...input('categories', {
      type: 'Input.ChoiceSet',
      isMultiSelect: true,
      style: 'filtered',
      isRequired: true,
      choices: choices(CATEGORIES.map((c) => ({ title: `${c.emoji} ${t(`taxonomy:cat.${c.id}`)}`, value: c.id }))),
    }),
    ...input('places', { type: 'Input.ChoiceSet', isMultiSelect: true, isRequired: true, choices: choices(options.places.map((p) => ({ title: p.name, value: p.code }))) }),
    ...input('languages', {
      type: 'Input.ChoiceSet',
      isMultiSelect: true,
      isRequired: true,
      choices: choices(SPOKEN_LANGUAGES.map((l) => ({ title: t(`taxonomy:langName.${l}`), value: l }))),
    }),
    ...input('startsOn', { type: 'Input.Date' }),
    ...input('endsOn', { type: 'Input.Date' }),
    ...input('capacity', { type: 'Input.Number', min: 1, max: 10000 }),
    ...input('contact', { type: 'Input.Text', maxLength: 120, isRequired: true }),
  ];
  const data = { kind: options.kind, ...(options.offerId ? { offerId: options.offerId } : {}) };
  return card(body, [execute(t('form.save'), 'saveOffer', data)]);
}

/** Just a few words. */
export function textCard(text: string): Card {
  return card([paragraph(text)]);
}

/** A short confirmation, with the next things a provider may want to do. */
export function noticeCard(t: CardText, text: string): Card {
  return card([paragraph(text)], [execute(t('help.myOffers'), 'myOffers'), execute(t('help.newOffer'), 'newOffer')]);
}

export function offerListCard(t: CardText, organisation: string, list: readonly Offer[]): Card {
  const body: Element[] = [heading(t('list.title', { organisation }))];
  if (list.length === 0) body.push(paragraph(t('list.empty')));
  for (const offer of list) {
    const facts = [t(`kind.${offer.kind}`), t(`type.${offer.type}`), t(`list.${offer.status}`)];
    if (offer.endsOn) facts.push(t('list.until', { date: offer.endsOn }));
    body.push({
      type: 'Container',
      separator: true,
      items: [
        paragraph(offer.title, { weight: 'Bolder' }),
        paragraph(facts.join(' · '), { isSubtle: true, spacing: 'None' }),
        ...(offer.status === 'open'
          ? [{ type: 'ActionSet', actions: [execute(t('list.edit'), 'editOffer', { offerId: offer.id }), execute(t('list.close'), 'closeOffer', { offerId: offer.id })] }]
          : []),
      ],
    });
  }
  return card(body, [execute(t('help.newOffer'), 'newOffer'), execute(t('help.newAsk'), 'newAsk')]);
}

