/**
 * One database API over two engines: postgres.js against a PostgreSQL server when
 * `DATABASE_URL` is set, else embedded PGlite in `DATA_DIR` so a fresh clone just runs.
 * Migrations come from `migrations/` (drizzle-kit) and run under an advisory lock, so several
 * instances starting together migrate once.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { PGlite } from '@electric-sql/pglite';
import postgres from 'postgres';
import * as schema from './schema/index.js';

export type Schema = typeof schema;
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
/** Anything that runs queries: the database or a transaction. */
export type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute'>;

export const MIGRATIONS_FOLDER = fileURLToPath(new URL('../../migrations', import.meta.url));
const MIGRATION_LOCK = 7_412_026;

export interface DatabaseHandle {
  readonly db: Database;
  readonly kind: 'postgres' | 'pglite';
  /** True when the database answers a trivial query. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  url?: string | undefined;
  dataDir?: string | undefined;
  /** A migrated PGlite data dump to start from (tests). */
  pgliteDump?: Blob | undefined;
  poolSize?: number;
  migrate?: boolean;
}

/** A moment as a raw-SQL parameter both drivers take (postgres.js refuses a Date there). */
export const timestamptz = (date: Date) => sql`${date.toISOString()}::timestamptz`;

/** Rows of a raw `db.execute` result: postgres.js returns an array, PGlite `{ rows }`. */
export function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

export async function openDatabase(options: DatabaseOptions): Promise<DatabaseHandle> {
  return options.url ? openPostgres(options.url, options) : openPglite(options);
}

async function openPostgres(url: string, options: DatabaseOptions): Promise<DatabaseHandle> {
  if (options.migrate !== false) await migrateServer(url);
  const client = postgres(url, { max: options.poolSize ?? 10, onnotice: () => undefined });
  const db = drizzlePostgres(client, { schema, casing: 'snake_case' }) as unknown as Database;
  return {
    db,
    kind: 'postgres',
    ping: () => ping(db),
    close: () => client.end({ timeout: 5 }),
  };
}

/** Applies migrations on one dedicated connection, holding a session advisory lock. */
export async function migrateServer(url: string): Promise<void> {
  const client = postgres(url, { max: 1, onnotice: () => undefined });
  try {
    await client`select pg_advisory_lock(${MIGRATION_LOCK})`;
    await migratePostgres(drizzlePostgres(client), { migrationsFolder: MIGRATIONS_FOLDER });
    await client`select pg_advisory_unlock(${MIGRATION_LOCK})`;
  } finally {
    await client.end({ timeout: 5 });
  }
}

async function openPglite(options: DatabaseOptions): Promise<DatabaseHandle> {
  let client: PGlite;
  if (options.pgliteDump) {
    client = await PGlite.create({ loadDataDir: options.pgliteDump });
  } else if (options.dataDir) {
    const dir = path.resolve(options.dataDir, 'pglite');
    mkdirSync(dir, { recursive: true });
    client = await PGlite.create(dir);
  } else {
    client = await PGlite.create();
  }
  const pg = drizzlePglite(client, { schema, casing: 'snake_case' });
  if (options.migrate !== false) await migratePglite(pg, { migrationsFolder: MIGRATIONS_FOLDER });
  const db = pg as unknown as Database;
  return {
    db,
    kind: 'pglite',
    ping: () => ping(db),
    close: () => client.close(),
  };
}

async function ping(db: Database): Promise<boolean> {
  try {
    await db.execute(sql`select 1`);
    return true;
  } catch {
    return false;
  }
}

/**
 * A PostgreSQL array literal for a raw-SQL parameter (`${pgArray(ids)}::uuid[]`): drizzle
 * expands JS arrays into parameter lists, and the two drivers serialise arrays differently.
 */
export function pgArray(values: readonly (string | number)[]): string {
  return `{${values.map((v) => `"${String(v).replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;
}
