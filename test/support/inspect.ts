/** Reads the database the way an auditor would: which rows, in any table, mention a value. */
import { sql } from 'drizzle-orm';
import { rowsOf, type Database } from '../../src/db/client.js';

export async function tablesMentioning(db: Database, needle: string): Promise<string[]> {
  const tables = rowsOf<{ name: string }>(
    await db.execute(sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`),
  );
  const found: string[] = [];
  for (const { name } of tables) {
    const rows = rowsOf<{ row: string }>(await db.execute(sql.raw(`select t::text as row from "${name}" t`)));
    if (rows.some((r) => r.row.includes(needle))) found.push(name);
  }
  return found;
}

export async function count(db: Database, table: string): Promise<number> {
  const [row] = rowsOf<{ n: number | string }>(await db.execute(sql.raw(`select count(*)::int as n from "${table}"`)));
  return Number(row?.n ?? 0);
}
