/** The warm referral's rules: who asked to be called about what, and which services to show. */
import type { PlaceService } from './dialogue/types.js';
import type { ReferralCardData } from './outbox/messages.js';

export interface ReferralSubject {
  readonly name: string | null;
  readonly place: string;
  readonly flags: readonly string[];
  readonly services: readonly PlaceService[];
}

/** The card's data: the flags only (never details), and the services for those topics. */
export function referralCardData(person: ReferralSubject): ReferralCardData {
  const services = person.services.filter((s) => s.topics.some((topic) => person.flags.includes(topic))).map((s) => ({ name: s.name, phone: s.phone }));
  return { name: person.name ?? '—', place: person.place, flags: [...person.flags], services };
}

/** A turn that newly asks the matchmaker to call sets off the referral. */
export const referralRequested = (before: { callRequested: boolean }, after: { callRequested: boolean }): boolean => after.callRequested && !before.callRequested;
