/** Puts confirmed residents straight into the database, as the intake or an import would. */
import { eq } from 'drizzle-orm';
import { matchKeys } from '../../src/core/matching/keys.js';
import type { Database } from '../../src/db/client.js';
import { consents, participants, places, profileItems } from '../../src/db/schema/index.js';

export interface ResidentSpec {
  name: string;
  place?: string;
  languages?: string[];
  availability?: string[];
  neighbourhood?: string;
  paused?: boolean;
  items: { kind: 'goesting' | 'skill' | 'need' | 'ambition'; categories: string[]; text?: string }[];
}

export async function addResident(db: Database, spec: ResidentSpec): Promise<string> {
  const [place] = await db.select().from(places).where(eq(places.code, spec.place ?? 'lier'));
  const [p] = await db
    .insert(participants)
    .values({
      displayName: spec.name,
      placeId: place!.id,
      language: spec.languages?.[0] ?? 'nl',
      spokenLanguages: spec.languages ?? ['nl'],
      availability: spec.availability ?? [],
      neighbourhood: spec.neighbourhood ?? null,
      paused: spec.paused ?? false,
      status: 'active',
      confirmedAt: new Date(),
    })
    .returning();
  await db.insert(consents).values([
    { participantId: p!.id, purpose: 'profile', method: 'test' },
    { participantId: p!.id, purpose: 'matchmaker', method: 'test' },
  ]);
  for (const item of spec.items) {
    await db.insert(profileItems).values({
      participantId: p!.id,
      kind: item.kind,
      categories: item.categories,
      freeText: item.text ?? null,
      placeIds: [place!.id],
      languages: spec.languages ?? ['nl'],
      matchKeys: matchKeys(item.kind, [place!.id], item.categories),
    });
  }
  return p!.id;
}
