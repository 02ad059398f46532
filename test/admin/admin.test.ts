/**
 * Administration without SQL: each command validated, idempotent, refusing conflicts with one
 * line that names the option — and the real CLI working on an empty embedded database.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AdminError } from '../../src/core/admin/errors.js';
import { parseServiceSpec } from '../../src/core/admin/service-spec.js';
import { addMatchmaker, addOrganisation, addPlace, listMatchmakers, listOrganisations, listPlaces, removeMatchmaker, removeTenant } from '../../src/services/admin.js';
import { places } from '../../src/db/schema/index.js';
import { openTestDatabase, type TestDatabase } from '../support/db.js';

let test: TestDatabase;
const db = () => test.handle.db;

beforeAll(async () => {
  // Deliberately not seeded: administration must work on a database the app never started on.
  test = await openTestDatabase();
});
afterAll(async () => {
  await test.close();
});

const TENANT_A = '6f1c2a4e-8b3d-4c5a-9e7f-0a1b2c3d4e5f';
const TENANT_B = 'b1a2c3d4-0000-4000-8000-000000000001';
const ELS = '0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d';

const lier = {
  code: 'lier',
  name: 'Lier',
  city: 'Lier',
  contact: 'Els, 03 123 45 67',
  service: ['name=CAW;phone=0800 13 500;topics=money_debts,housing', 'name=VDAB;topics=work;url=https://www.vdab.be'],
};

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AdminError);
  const message = (error as AdminError).message;
  expect(message).not.toContain('\n');
  return message;
}

describe('service specs', () => {
  it('parses name, phone, address, url and topics', () => {
    expect(parseServiceSpec(' name = CAW ; phone=0800 13 500;topics=money_debts, housing,money_debts;address=Kerkstraat 1')).toEqual({
      name: 'CAW',
      topics: ['money_debts', 'housing'],
      phone: '0800 13 500',
      address: 'Kerkstraat 1',
    });
  });

  it.each([
    ['topics=housing', /name=/],
    ['name=CAW', /topics=/],
    ['name=CAW;topics=housing,cooking', /not "cooking"/],
    ['name=CAW;topics=housing;fax=1', /not "fax"/],
    ['name=CAW;topics=housing;url=www.caw.be', /http/],
    ['name=CAW;topics=housing;name=Other', /repeated/],
    ['name=CAW;housing', /key=value/],
  ])('refuses %s', (spec, why) => {
    expect(parseServiceSpec(spec)).toMatch(why);
  });
});

describe('places', () => {
  it('adds a place on an empty database, then changes nothing when run again', async () => {
    expect(await listPlaces(db())).toEqual([]);
    const first = await addPlace(db(), lier);
    expect(first.outcome).toBe('added');
    expect(first.place.services).toEqual([
      { name: 'CAW', topics: ['money_debts', 'housing'], phone: '0800 13 500' },
      { name: 'VDAB', topics: ['work'], url: 'https://www.vdab.be' },
    ]);
    const [before] = await db().select().from(places);
    const again = await addPlace(db(), lier);
    expect(again.outcome).toBe('unchanged');
    const [after] = await db().select().from(places);
    expect(after).toEqual(before);
  });

  it('updates by code: services given replace all, absent keep them; contact "" clears', async () => {
    const renamed = await addPlace(db(), { code: 'lier', name: 'Lier Centrum', city: 'Lier' });
    expect(renamed.outcome).toBe('updated');
    expect(renamed.place).toMatchObject({ name: 'Lier Centrum', contact: 'Els, 03 123 45 67' });
    expect(renamed.place.services).toHaveLength(2);
    const replaced = await addPlace(db(), { code: 'lier', name: 'Lier', city: 'Lier', contact: '', service: ['name=1712;phone=1712;topics=violence'] });
    expect(replaced.place.contact).toBeNull();
    expect(replaced.place.services).toEqual([{ name: '1712', topics: ['violence'], phone: '1712' }]);
    await addPlace(db(), lier);
  });

  it('refuses bad options with one line naming the option', async () => {
    expect(await refusal(addPlace(db(), { ...lier, code: 'Lier!' }))).toMatch(/^--code is not valid: expected .*lowercase/);
    expect(await refusal(addPlace(db(), { ...lier, code: 'x' }))).toMatch(/^--code is not valid/);
    expect(await refusal(addPlace(db(), { ...lier, city: undefined }))).toMatch(/^--city is missing: expected/);
    expect(await refusal(addPlace(db(), { ...lier, name: '  ' }))).toMatch(/^--name is missing/);
    expect(await refusal(addPlace(db(), { ...lier, service: ['name=CAW;topics=housing', 'name=X;topics=cooking'] }))).toMatch(
      /^--service #2 is not valid: expected topics among money_debts, .* \(not "cooking"\)$/,
    );
    expect((await listPlaces(db())).map((p) => p.code)).toEqual(['lier']);
  });

  it('lists code, name, city and how many services and matchmakers', async () => {
    await addPlace(db(), { code: 'borgerhout', name: 'Borgerhout', city: 'Antwerpen' });
    await addMatchmaker(db(), { aad: ELS, place: 'lier', name: 'Els' });
    expect(await listPlaces(db())).toEqual([
      { code: 'borgerhout', name: 'Borgerhout', city: 'Antwerpen', services: 0, matchmakers: 0 },
      { code: 'lier', name: 'Lier', city: 'Lier', services: 2, matchmakers: 1 },
    ]);
  });
});

describe('organisations and tenants', () => {
  it('adds an organisation with tenants, idempotently, storing ids in lower case', async () => {
    const first = await addOrganisation(db(), { code: 'vdab', name: 'VDAB', tenant: [TENANT_A.toUpperCase()] });
    expect(first.outcome).toBe('added');
    expect(first.organisation.tenants).toEqual([TENANT_A]);
    const again = await addOrganisation(db(), { code: 'vdab', name: 'VDAB', tenant: [TENANT_A] });
    expect(again.outcome).toBe('unchanged');
    const more = await addOrganisation(db(), { code: 'vdab', name: 'VDAB', tenant: [TENANT_B] });
    expect(more.outcome).toBe('updated');
    expect(more.organisation.tenants).toEqual([TENANT_A, TENANT_B].sort());
  });

  it('refuses a tenant registered to another organisation, naming it, and changes nothing', async () => {
    const message = await refusal(addOrganisation(db(), { code: 'caw', name: 'CAW', tenant: [TENANT_A] }));
    expect(message).toMatch(new RegExp(`^--tenant ${TENANT_A} is already registered to organisation vdab \\(VDAB\\)`));
    expect((await listOrganisations(db())).map((o) => o.code)).toEqual(['vdab']);
  });

  it('refuses a malformed tenant or code', async () => {
    expect(await refusal(addOrganisation(db(), { code: 'caw', name: 'CAW', tenant: ['not-a-guid'] }))).toMatch(/^--tenant is not valid: expected .*GUID/);
    expect(await refusal(addOrganisation(db(), { code: 'C A W', name: 'CAW' }))).toMatch(/^--code is not valid/);
    expect(await refusal(removeTenant(db(), {}))).toMatch(/^--tenant is missing/);
  });

  it('removes a tenant (twice is fine) so another organisation can take it', async () => {
    expect(await removeTenant(db(), { tenant: TENANT_A })).toEqual({ tenant: TENANT_A, organisation: 'vdab' });
    expect(await removeTenant(db(), { tenant: TENANT_A })).toEqual({ tenant: TENANT_A, organisation: null });
    await addOrganisation(db(), { code: 'caw', name: 'CAW', contact: 'info@caw.be', tenant: [TENANT_A] });
    expect(await listOrganisations(db())).toEqual([
      { code: 'caw', name: 'CAW', contact: 'info@caw.be', tenants: [TENANT_A] },
      { code: 'vdab', name: 'VDAB', contact: null, tenants: [TENANT_B] },
    ]);
  });
});

describe('matchmakers', () => {
  it('refuses an unknown place, listing the known codes', async () => {
    expect(await refusal(addMatchmaker(db(), { aad: ELS, place: 'turnhout', name: 'Els' }))).toBe(
      '--place turnhout is not a known place: expected one of borgerhout, lier',
    );
    expect(await refusal(listMatchmakers(db(), { place: 'nowhere' }))).toMatch(/one of borgerhout, lier$/);
    expect(await refusal(addMatchmaker(db(), { aad: 'els', place: 'lier', name: 'Els' }))).toMatch(/^--aad is not valid: expected .*object id/);
  });

  it('adds, renames, lists and removes — each idempotent', async () => {
    expect((await addMatchmaker(db(), { aad: ELS, place: 'lier', name: 'Els' })).outcome).toBe('unchanged');
    expect((await addMatchmaker(db(), { aad: ELS, place: 'lier', name: 'Els V.' })).outcome).toBe('updated');
    expect((await addMatchmaker(db(), { aad: ELS.toUpperCase(), place: 'borgerhout', name: 'Els V.' })).outcome).toBe('added');
    expect(await listMatchmakers(db())).toEqual([
      { aad: ELS, place: 'borgerhout', name: 'Els V.' },
      { aad: ELS, place: 'lier', name: 'Els V.' },
    ]);
    expect(await listMatchmakers(db(), { place: 'lier' })).toEqual([{ aad: ELS, place: 'lier', name: 'Els V.' }]);
    expect(await removeMatchmaker(db(), { aad: ELS, place: 'lier' })).toEqual({ removed: true });
    expect(await removeMatchmaker(db(), { aad: ELS, place: 'lier' })).toEqual({ removed: false });
    expect(await listMatchmakers(db(), { place: 'lier' })).toEqual([]);
  });
});

describe('npm run admin', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const tsx = pathToFileURL(createRequire(import.meta.url).resolve('tsx')).href;
  const dataDir = mkdtempSync(path.join(tmpdir(), 'goesting-admin-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  /** The real entry point, in a bare environment: no DATABASE_URL, so embedded PGlite in DATA_DIR. */
  function cli(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return new Promise((resolve) => {
      execFile(
        process.execPath,
        ['--import', tsx, path.join(root, 'src/cli/admin.ts'), ...args],
        { cwd: dataDir, env: { PATH: process.env.PATH, DATA_DIR: dataDir } },
        (error, stdout, stderr) => resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
      );
    });
  }

  it('adds and lists a place end to end, and refuses an unknown place with exit code 1', async () => {
    const added = await cli('place', 'add', '--code', 'lier', '--name', 'Lier', '--city', 'Lier', '--service', 'name=CAW;phone=0800 13 500;topics=money_debts,housing');
    expect(added).toMatchObject({ code: 0, stderr: '' });
    expect(added.stdout).toContain('t.me/<bot>?start=lier');
    const listed = await cli('place', 'list');
    expect(listed.stdout.split('\n')).toEqual(['CODE  NAME  CITY  SERVICES  MATCHMAKERS', 'lier  Lier  Lier  1         0', '']);
    const refused = await cli('matchmaker', 'add', '--aad', ELS, '--place', 'turnhout', '--name', 'Els');
    expect(refused).toMatchObject({ code: 1, stdout: '', stderr: '--place turnhout is not a known place: expected one of lier\n' });
    const misused = await cli('place', 'add', '--town', 'Lier');
    expect(misused.code).toBe(2);
    expect(misused.stderr).toMatch(/^place add: Unknown option '--town'[\s\S]*Usage: npm run admin/);
  }, 90_000);
});
