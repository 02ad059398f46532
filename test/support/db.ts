/** A private, migrated database for one test file: a copy of the run's template or dump. */
import { readFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, inject } from 'vitest';
import { openDatabase, type DatabaseHandle } from '../../src/db/client.js';
import { seedPlaces } from '../../src/db/seed.js';
import { withDatabase } from './global-setup.js';

export interface TestDatabase {
  readonly handle: DatabaseHandle;
  /** For `startApp`: either a server URL or a PGlite dump. */
  readonly url: string | undefined;
  readonly dump: Blob | undefined;
  close(): Promise<void>;
}

export function pgliteDump(): Blob {
  return new Blob([readFileSync(inject('pgliteDump'))]);
}

/** Creates a fresh database; `open: false` leaves opening to the app under test. */
export async function createTestDatabase(): Promise<{ url: string | undefined; dump: Blob | undefined; drop(): Promise<void> }> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) return { url: undefined, dump: pgliteDump(), drop: async () => undefined };
  const name = `goesting_t_${randomUUID().replaceAll('-', '').slice(0, 16)}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name} template ${inject('pgTemplate')}`);
  return {
    url: withDatabase(serverUrl, name),
    dump: undefined,
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

export async function openTestDatabase(): Promise<TestDatabase> {
  const created = await createTestDatabase();
  const handle = await openDatabase({ url: created.url, pgliteDump: created.dump, migrate: false });
  return {
    handle,
    url: created.url,
    dump: created.dump,
    async close() {
      await handle.close();
      await created.drop();
    },
  };
}

/**
 * One migrated database for the whole test file, opened before its tests and closed after; with
 * `seed`, the launch places are in it. Returns the handle's getter.
 */
export function useTestDatabase(options: { seed?: boolean } = {}): () => TestDatabase {
  let test: TestDatabase | undefined;
  beforeAll(async () => {
    test = await openTestDatabase();
    if (options.seed) await seedPlaces(test.handle.db);
  });
  afterAll(async () => {
    await test?.close();
  });
  return () => test!;
}

/**
 * A second "instance" on the same database: its own pool on a server; on PGlite (one connection)
 * the same handle. `close` closes only what it opened.
 */
export async function openSecondHandle(test: TestDatabase): Promise<{ handle: DatabaseHandle; close(): Promise<void> }> {
  if (!test.url) return { handle: test.handle, close: async () => undefined };
  const handle = await openDatabase({ url: test.url, migrate: false });
  return { handle, close: () => handle.close() };
}
