/**
 * Everything the system sends on its own, as one union tagged by `channel` and `kind`: what is
 * enqueued is type-checked where it is written, and each channel delivers its kinds from one
 * handler map instead of casting payloads.
 */
import type { Button, Text } from '../dialogue/types.js';

/** What a resident is sent, whatever carries it (Telegram, the playground). */
export interface ResidentMessage {
  readonly chatId: string;
  readonly lang: string;
  readonly text: Text;
  readonly buttons?: Button[][] | undefined;
}

export type ResidentChannel = 'telegram' | 'playground';
export const RESIDENT_KINDS = ['proposal', 'still', 'accepted', 'followup', 'retention.warning'] as const;
export type ResidentKind = (typeof RESIDENT_KINDS)[number];

/** A stored Teams conversation reference (opaque here; the Teams channel reads it). */
export type ConversationRef = { readonly locale?: string | undefined } & Readonly<Record<string, unknown>>;

/** A warm referral for the matchmakers: topics as flags only, with the place's services. */
export interface ReferralCardData {
  readonly name: string;
  readonly place: string;
  readonly flags: string[];
  readonly services: { name: string; phone?: string | undefined }[];
}

/** One variant per resident channel and kind, so each can be narrowed on its own. */
type ResidentVariants = {
  [C in ResidentChannel]: { [K in ResidentKind]: { readonly channel: C; readonly kind: K; readonly payload: ResidentMessage } }[ResidentKind];
}[ResidentChannel];

export type OutboxMessage =
  | ResidentVariants
  | { readonly channel: 'teams'; readonly kind: 'text'; readonly payload: { readonly reference: ConversationRef; readonly text: Text } }
  | { readonly channel: 'teams'; readonly kind: 'matchmaker.card'; readonly payload: { readonly reference: ConversationRef; readonly conversationId: string; readonly matchIds: string[] } }
  | { readonly channel: 'teams'; readonly kind: 'card.update'; readonly payload: { readonly reference: ConversationRef; readonly activityId: string; readonly matchIds: string[] } }
  | { readonly channel: 'teams'; readonly kind: 'referral.card'; readonly payload: { readonly reference: ConversationRef } & ReferralCardData }
  /** Fan-outs run by the worker itself: a place's digest, a resident's referral. */
  | { readonly channel: 'internal'; readonly kind: 'matchmaker.digest'; readonly payload: { readonly placeId: number } }
  | { readonly channel: 'internal'; readonly kind: 'referral'; readonly payload: { readonly participantId: string } };

export type OutboxChannel = OutboxMessage['channel'];
export const OUTBOX_CHANNELS = ['telegram', 'teams', 'internal', 'playground'] as const satisfies readonly OutboxChannel[];

/** Where and when: the same `dedupeKey` is written once, however often its cause is replayed. */
export interface Envelope {
  readonly dedupeKey: string;
  readonly participantId?: string | null | undefined;
  readonly matchId?: string | null | undefined;
  /** Not delivered before this moment (follow-ups a week later, digests after their window). */
  readonly notBefore?: Date | undefined;
}

export type NewOutboxMessage = OutboxMessage & Envelope;

/** A claimed message as the worker hands it to a channel. */
export type OutboxRow = OutboxMessage & {
  readonly id: number;
  readonly attempts: number;
  readonly participantId: string | null;
  readonly matchId: string | null;
};

export type RowOf<C extends OutboxChannel, K extends string = string> = Extract<OutboxRow, { channel: C }> & { kind: K };

/** One delivery function per kind of a channel: the map is checked to cover every kind. */
export type HandlerMap<C extends OutboxChannel> = {
  readonly [K in Extract<OutboxMessage, { channel: C }>['kind']]: (row: Extract<OutboxRow, { channel: C; kind: K }>) => Promise<unknown>;
};

/** The writer of the outbox, bound to the transaction of the change that causes the messages. */
export interface OutboxPort {
  enqueue(message: NewOutboxMessage): Promise<void>;
}

/** A failed delivery: `retryable` ones come back later (after `retryAfterSec` when given). */
export class DeliveryError extends Error {
  override name = 'DeliveryError';
  constructor(
    message: string,
    readonly retryable: boolean,
    readonly retryAfterSec?: number,
  ) {
    super(message);
  }
}

const KINDS: Readonly<Record<OutboxChannel, readonly string[]>> = {
  telegram: RESIDENT_KINDS,
  playground: RESIDENT_KINDS,
  teams: ['text', 'matchmaker.card', 'card.update', 'referral.card'],
  internal: ['matchmaker.digest', 'referral'],
};

/** Whether a stored (channel, kind) pair is one this version knows how to deliver. */
export function isKnownMessage(channel: string, kind: string): channel is OutboxChannel {
  return Object.hasOwn(KINDS, channel) && KINDS[channel as OutboxChannel].includes(kind);
}
