/** The evaluators' export: the counts per place and month (`db/repositories/impact.ts`) as anonymous CSV (`core/impact/export.ts`). */
import { countsCsv, DEFAULT_MIN_COUNT } from '../core/impact/export.js';
import type { MonthRange } from '../core/impact/period.js';
import type { Database } from '../db/client.js';
import { COUNT_COLUMNS, monthlyCounts } from '../db/repositories/impact.js';

export interface ExportOptions {
  readonly placeCodes?: readonly string[] | undefined;
  readonly minCount?: number | undefined;
}

/** The CSV text: a header, then one line per place and month, places in code order. */
export async function exportCsv(db: Database, range: MonthRange, options: ExportOptions = {}): Promise<string> {
  const rows = await monthlyCounts(db, range, options.placeCodes);
  return countsCsv(COUNT_COLUMNS, rows, options.minCount ?? DEFAULT_MIN_COUNT);
}
