/** What the provider and matchmaker features need from storage; implemented in `src/db`. */
import type { OfferInput } from './offer-form.js';

export interface Offer extends OfferInput {
  readonly id: string;
  readonly organisationId: number;
  readonly status: 'open' | 'closed';
}

export interface Organisation {
  readonly id: number;
  readonly name: string;
}

export interface OfferStore {
  create(organisationId: number, authorAadId: string, input: OfferInput): Promise<Offer>;
  /** `null` when the offer does not exist or belongs to another organisation. */
  update(id: string, organisationId: number, input: OfferInput): Promise<Offer | null>;
  close(id: string, organisationId: number): Promise<Offer | null>;
  get(id: string, organisationId: number): Promise<Offer | null>;
  listForOrganisation(organisationId: number): Promise<Offer[]>;
}

export interface ConversationRecord {
  readonly conversationId: string;
  readonly aadObjectId: string | undefined;
  readonly tenantId: string | undefined;
  readonly kind: string;
  readonly reference: unknown;
}

export interface Directory {
  organisationForTenant(tenantId: string): Promise<Organisation | null>;
  /** The place codes someone is matchmaker of (empty: not a matchmaker). */
  matchmakerPlaces(aadObjectId: string): Promise<{ code: string; name: string }[]>;
  placeCodes(): Promise<{ code: string; name: string }[]>;
  saveConversation(record: ConversationRecord): Promise<void>;
  /** Conversation references of the matchmakers of a place (personal chats and their channels). */
  matchmakerConversations(placeCode: string): Promise<unknown[]>;
}
