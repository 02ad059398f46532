/** The worker's own kinds: fan-outs that turn one message into cards for the right matchmakers. */
import type { Database } from '../../db/client.js';
import { createDigestFanOut } from './digest.js';
import { createReferralFanOut } from './referral.js';
import { byKind, type Deliverer } from './worker.js';

export function createInternalDeliverer(db: Database): Deliverer {
  return byKind<'internal'>({ 'matchmaker.digest': createDigestFanOut(db), referral: createReferralFanOut(db) });
}
