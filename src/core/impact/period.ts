/**
 * Months as `YYYY-MM`, the unit of every impact figure: a period is a range of whole months in
 * Belgian time (a meeting on 31 October at 23:30 counts in October).
 */
export const IMPACT_TIME_ZONE = 'Europe/Brussels';

const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export interface MonthRange {
  /** First month, inclusive. */
  readonly from: string;
  /** Last month, inclusive. */
  readonly to: string;
}

export const isMonth = (text: string): boolean => MONTH.test(text);

/** `2026-11` → `2026-12`; `2026-12` + 1 → `2027-01`. */
export function addMonths(month: string, n: number): string {
  const [year, mon] = month.split('-').map(Number) as [number, number];
  const index = year * 12 + (mon - 1) + n;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** Every month of the range, in order. */
export function monthsOf(range: MonthRange): string[] {
  const months: string[] = [];
  for (let m = range.from; m <= range.to; m = addMonths(m, 1)) months.push(m);
  return months;
}

/** The month a moment falls in, in Belgian time. */
export function monthOf(date: Date): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone: IMPACT_TIME_ZONE, year: 'numeric', month: '2-digit' }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}`;
}

/**
 * Reads `2026-10` (one month), `2026` (a year) or `2026-01..2026-06` (a range); `null` when it is
 * none of these or the range runs backwards.
 */
export function parsePeriod(text: string): MonthRange | null {
  const t = text.trim();
  if (/^\d{4}$/.test(t)) return { from: `${t}-01`, to: `${t}-12` };
  if (isMonth(t)) return { from: t, to: t };
  const [from, to, ...rest] = t.split('..');
  if (rest.length || !from || !to || !isMonth(from) || !isMonth(to) || from > to) return null;
  return { from, to };
}
