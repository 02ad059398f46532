/**
 * Administration without SQL, as the admin tool and tests call it: options as typed on the
 * command line are validated (`core/admin/options.ts`, a refusal is one `AdminError` line naming
 * the option), then stored idempotently (`db/repositories/admin.ts`).
 */
import {
  parseMatchmakerAdd,
  parseMatchmakerList,
  parseMatchmakerRemove,
  parseOrgAdd,
  parsePlaceAdd,
  parseTenant,
  type MatchmakerOptions,
  type OrgAddOptions,
  type PlaceAddOptions,
} from '../core/admin/options.js';
import type { Database } from '../db/client.js';
import * as store from '../db/repositories/admin.js';

export { listOrganisations, listPlaces } from '../db/repositories/admin.js';

// Async, so a refused option is a rejected promise like any other refusal.

/** Adds or changes a place by code; `--service` given replaces all its services, absent keeps them. */
export const addPlace = async (db: Database, options: PlaceAddOptions) => store.addPlace(db, parsePlaceAdd(options));

/** Adds or changes an organisation by code and registers each `--tenant` to it (never moves one). */
export const addOrganisation = async (db: Database, options: OrgAddOptions) => store.addOrganisation(db, parseOrgAdd(options));

/** Unregisters a tenant; one that was not registered is fine (the command is idempotent). */
export const removeTenant = async (db: Database, options: { tenant?: string | undefined }) => store.removeTenant(db, parseTenant(options));

/** Makes someone a matchmaker of a place (or renames them there). */
export const addMatchmaker = async (db: Database, options: MatchmakerOptions) => store.addMatchmaker(db, parseMatchmakerAdd(options));

/** Removes someone as matchmaker of a place; someone who was not is fine (idempotent). */
export const removeMatchmaker = async (db: Database, options: Omit<MatchmakerOptions, 'name'>) => store.removeMatchmaker(db, parseMatchmakerRemove(options));

export const listMatchmakers = async (db: Database, options: { place?: string | undefined } = {}) => store.listMatchmakers(db, parseMatchmakerList(options));
