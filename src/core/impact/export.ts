/**
 * The evaluators' export: anonymous counts per place and month as CSV. No names, ids or free
 * text ever reach it (it is built from counts only), and a count from 1 to `minCount - 1` is
 * written as `<minCount`, so no one can be singled out in a small place or a quiet month.
 */

export const DEFAULT_MIN_COUNT = 5;

/** `0` stays `0`; 1 … minCount-1 become `<minCount`; the rest as they are. */
export function suppressed(n: number, minCount: number): string {
  return n === 0 || n >= minCount ? String(n) : `<${minCount}`;
}

/** One place's counts in one month, by count column. */
export interface CountsRow<C extends string> {
  readonly place: string;
  readonly month: string;
  readonly counts: Readonly<Record<C, number>>;
}

/** The CSV text: a header, then one line per row (in the order given), small counts suppressed. */
export function countsCsv<C extends string>(columns: readonly C[], rows: readonly CountsRow<C>[], minCount: number = DEFAULT_MIN_COUNT): string {
  const lines = [['place', 'month', ...columns].join(',')];
  for (const row of rows) lines.push([row.place, row.month, ...columns.map((c) => suppressed(row.counts[c], minCount))].join(','));
  return `${lines.join('\r\n')}\r\n`;
}
