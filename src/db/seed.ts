/**
 * The three launch Stuyfplekken with their first-line services, inserted once when missing.
 * Data, not code: admins correct it later with `npm run admin -- place add` (see README).
 */
import type { Database } from './client.js';
import { places, type PlaceService } from './schema/index.js';

function firstLine(city: string): PlaceService[] {
  return [
    { topics: ['money_debts', 'housing', 'food_energy'], name: `OCMW / Sociaal Huis ${city}` },
    { topics: ['money_debts', 'housing', 'papers', 'violence'], name: 'CAW', phone: '0800 13 500' },
    { topics: ['health'], name: 'Huisartsenwachtpost', phone: '1733' },
    { topics: ['violence'], name: '1712 (gratis, anoniem)', phone: '1712' },
    { topics: ['papers'], name: 'Agentschap Integratie en Inburgering', url: 'https://www.integratiebeleid.be' },
  ];
}

export const DEFAULT_PLACES = [
  { code: 'turnhout', name: 'Turnhout Parkwijk', city: 'Turnhout', services: firstLine('Turnhout') },
  { code: 'lier', name: 'Lier', city: 'Lier', services: firstLine('Lier') },
  { code: 'borgerhout', name: 'Borgerhout', city: 'Antwerpen', services: firstLine('Antwerpen') },
];

/** Adds the launch places that do not exist yet; never overwrites what was changed. */
export async function seedPlaces(db: Database): Promise<void> {
  await db.insert(places).values(DEFAULT_PLACES).onConflictDoNothing({ target: places.code });
}
