/**
 * What a provider can do with the offer cards — new offer or ask, save, list, edit, close — for a
 * caller whose organisation is already known. Shared by the Teams bot and the playground, so both
 * show the same cards and validate the same way.
 */
import { parseOfferForm, type OfferKind } from '../../core/offers/offer-form.js';
import type { Directory, OfferStore, Organisation } from '../../core/offers/ports.js';
import type { Lang } from '../../core/taxonomy/categories.js';
import type { Logger } from '../../logger.js';
import { noticeCard, offerFormCard, offerListCard } from './provider-cards.js';
import type { Card, CardText } from './elements.js';

export const PROVIDER_VERBS = ['newOffer', 'newAsk', 'myOffers', 'editOffer', 'closeOffer', 'saveOffer'] as const;
export type ProviderVerb = (typeof PROVIDER_VERBS)[number];
export const isProviderVerb = (verb: unknown): verb is ProviderVerb => (PROVIDER_VERBS as readonly unknown[]).includes(verb);

export interface ProviderCaller {
  readonly t: CardText;
  readonly organisation: Organisation;
  /** Who posts: the Teams user's AAD object id (or the activity's sender id). */
  readonly authorId: string;
  /** The provider's language: helps read their title and description. */
  readonly lang?: Lang | undefined;
}

export interface ProviderOptions {
  readonly offers: OfferStore;
  readonly directory: Directory;
  readonly log: Logger;
  readonly today: () => string;
  /** After an offer is posted or changed (matching runs there, after the card is answered). */
  readonly onOfferSaved?: ((offerId: string) => void) | undefined;
  readonly onOfferClosed?: ((offerId: string) => void) | undefined;
}

export function createProviderActions(options: ProviderOptions) {
  const { offers, directory, log } = options;

  async function save(caller: ProviderCaller, data: Record<string, unknown>): Promise<Card> {
    const { t, organisation: org } = caller;
    const kind: OfferKind = data.kind === 'ask' ? 'ask' : 'offer';
    const offerId = typeof data.offerId === 'string' ? data.offerId : undefined;
    const places = await directory.placeCodes();
    const result = parseOfferForm({ ...data, kind }, places.map((p) => p.code), options.today(), caller.lang);
    if (!result.ok) {
      // No category chosen: the form comes back with those its title and description say ticked.
      const values = result.suggestedCategories ? { ...data, categories: result.suggestedCategories.join(',') } : data;
      return offerFormCard(t, { kind, offerId, values, errors: result.errors, places });
    }
    if (offerId) {
      const updated = await offers.update(offerId, org.id, result.value);
      if (updated) options.onOfferSaved?.(updated.id);
      return noticeCard(t, updated ? t('saved.updated', { title: updated.title }) : t('saved.notFound'));
    }
    const created = await offers.create(org.id, caller.authorId, result.value);
    log.info({ offer: created.id, kind: created.kind }, 'offer posted');
    options.onOfferSaved?.(created.id);
    return noticeCard(t, t('saved.created', { title: created.title }));
  }

  /** The card answering one provider verb. */
  return async function act(caller: ProviderCaller, verb: ProviderVerb, data: Record<string, unknown>): Promise<Card> {
    const { t, organisation: org } = caller;
    const offerId = typeof data.offerId === 'string' ? data.offerId : '';
    switch (verb) {
      case 'newOffer':
      case 'newAsk':
        return offerFormCard(t, { kind: verb === 'newAsk' ? 'ask' : 'offer', places: await directory.placeCodes() });
      case 'myOffers':
        return offerListCard(t, org.name, await offers.listForOrganisation(org.id));
      case 'editOffer': {
        const offer = await offers.get(offerId, org.id);
        if (!offer || offer.status !== 'open') return noticeCard(t, t('saved.notFound'));
        return offerFormCard(t, { kind: offer.kind, offerId, values: { ...offer }, places: await directory.placeCodes() });
      }
      case 'closeOffer': {
        const offer = await offers.close(offerId, org.id);
        if (offer) options.onOfferClosed?.(offer.id);
        return noticeCard(t, offer ? t('saved.closed', { title: offer.title }) : t('saved.notFound'));
      }
      case 'saveOffer':
        return save(caller, data);
    }
  };
}
