/** Organisations by code: the playground's demo organisation is created on first use. */
import { eq } from 'drizzle-orm';
import type { Organisation } from '../../core/offers/ports.js';
import type { Executor } from '../client.js';
import { organisations } from '../schema/index.js';

/** The organisation with this code, created with this name when it does not exist yet. */
export async function ensureOrganisation(db: Executor, wanted: { readonly code: string; readonly name: string }): Promise<Organisation> {
  await db.insert(organisations).values({ code: wanted.code, name: wanted.name }).onConflictDoNothing({ target: organisations.code });
  const [org] = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.code, wanted.code));
  if (!org) throw new Error(`organisation ${wanted.code} could not be stored`);
  return org;
}
