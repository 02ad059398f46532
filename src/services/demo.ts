/**
 * Demo data for the playground: fictional residents in several languages and a few provider
 * offers and asks in the three launch places, loaded through the same import as a Stuyfplek's own
 * list (`demo/stuyfplek-demo.csv`), once, into an empty database — so that finishing one intake in
 * the playground makes a suggestion appear in the matchmaker feed.
 */
import { fileURLToPath } from 'node:url';
import type { ImportSummary } from '../core/import/types.js';
import type { Matcher } from '../core/matching/matcher.js';
import type { Database } from '../db/client.js';
import { addMissingOrganisations } from '../db/repositories/admin.js';
import { peopleAndOffers } from '../db/repositories/import-store.js';
import { importFile, matchImported } from './import.js';

export const DEMO_FILE = fileURLToPath(new URL('../../demo/stuyfplek-demo.csv', import.meta.url));

/** The organisations the demo file posts for (the importer needs them to exist). */
export const DEMO_ORGANISATIONS = [
  { code: 'demo-buurtwerk', name: 'Buurtwerk (demo)' },
  { code: 'demo-digipunt', name: 'Digipunt (demo)' },
] as const;

export interface DemoLoad extends ImportSummary {
  readonly suggestions: number;
}

/** Loads the demo file when nobody and no offer is stored yet; `null` when the database was not empty. */
export async function loadDemoData(db: Database, matcher: Matcher, today: string): Promise<DemoLoad | null> {
  const counts = await peopleAndOffers(db);
  if (counts.people > 0 || counts.offers > 0) return null;
  await addMissingOrganisations(db, DEMO_ORGANISATIONS);
  let suggestions = 0;
  const summary = await importFile(db, DEMO_FILE, {
    today,
    afterCommit: async (ids) => {
      suggestions = (await matchImported(matcher, ids)).size;
    },
  });
  return { ...summary, suggestions };
}
