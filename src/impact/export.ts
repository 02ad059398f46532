/**
 * The evaluators' export: anonymous counts per place and month as CSV. No names, ids or free
 * text ever reach it (it is built from counts only), and a count from 1 to `minCount - 1` is
 * written as `<minCount`, so no one can be singled out in a small place or a quiet month.
 */
import type { Database } from '../db/client.js';
import { COUNT_COLUMNS, monthlyCounts } from '../db/repositories/impact.js';
import type { MonthRange } from '../core/impact/period.js';

export const DEFAULT_MIN_COUNT = 5;

/** `0` stays `0`; 1 … minCount-1 become `<minCount`; the rest as they are. */
export function suppressed(n: number, minCount: number): string {
  return n === 0 || n >= minCount ? String(n) : `<${minCount}`;
}

export interface ExportOptions {
  readonly placeCodes?: readonly string[] | undefined;
  readonly minCount?: number | undefined;
}

/** The CSV text: a header, then one line per place and month, places in code order. */
export async function exportCsv(db: Database, range: MonthRange, options: ExportOptions = {}): Promise<string> {
  const minCount = options.minCount ?? DEFAULT_MIN_COUNT;
  const rows = await monthlyCounts(db, range, options.placeCodes);
  const lines = [['place', 'month', ...COUNT_COLUMNS].join(',')];
  for (const row of rows) lines.push([row.place, row.month, ...COUNT_COLUMNS.map((c) => suppressed(row.counts[c], minCount))].join(','));
  return `${lines.join('\r\n')}\r\n`;
}
