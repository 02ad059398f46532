/** Reading participants for the features around them (referral cards). */
import { eq } from 'drizzle-orm';
import type { PlaceService } from '../../core/dialogue/types.js';
import type { Executor } from '../client.js';
import { participants, places } from '../schema/index.js';

/** Who asked to be called: name, place and flags (never details), with the place's services. */
export async function referralSubject(tx: Executor, participantId: string): Promise<{ name: string | null; placeId: number; place: string; flags: string[]; services: PlaceService[] } | undefined> {
  const [person] = await tx
    .select({ name: participants.displayName, flags: participants.sensitiveFlags, placeId: places.id, place: places.name, services: places.services })
    .from(participants)
    .innerJoin(places, eq(places.id, participants.placeId))
    .where(eq(participants.id, participantId));
  return person;
}
