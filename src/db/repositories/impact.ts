/**
 * Impact figures from the `events` table (written by triggers, see migration 0010): counts per
 * place and month for the export, and one place's (or several places') figures for the stats card.
 * Only counts leave here — no names, ids or free text.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database } from '../client.js';
import { pgArray, rowsOf } from '../client.js';
import { addMonths, IMPACT_TIME_ZONE, monthsOf, type MonthRange } from '../../core/impact/period.js';
import { OUTCOMES } from '../../core/dialogue/commands.js';
import type { ImpactFigures, Outcome, PlaceFilter } from '../../core/impact/figures.js';
import { EVENT_KINDS, type EventKind } from '../schema/index.js';

export type CountColumn = Exclude<EventKind, 'outcome' | 'first_meeting'> | `outcome_${Outcome}`;

/** The export's count columns, in the order of the event kinds: outcomes one per code; first meetings feed the median only. */
export const COUNT_COLUMNS: readonly CountColumn[] = EVENT_KINDS.flatMap((kind): CountColumn[] =>
  kind === 'outcome' ? OUTCOMES.map((o) => `outcome_${o}` as const) : kind === 'first_meeting' ? [] : [kind],
);

export interface MonthCounts {
  /** The place code; `-` for events of people who never chose a place. */
  readonly place: string;
  readonly month: string;
  readonly counts: Readonly<Record<CountColumn, number>>;
}

const start = (month: string) => sql`((${`${month}-01`})::date::timestamp at time zone ${IMPACT_TIME_ZONE})`;
const monthKey = sql`to_char(e.at at time zone ${IMPACT_TIME_ZONE}, 'YYYY-MM')`;
const inPlaces = (places: PlaceFilter): SQL => (places ? sql`and e.place_id in (select id from places where code = any(${pgArray(places)}::text[]))` : sql``);
const column = (kind: string, detail: string | null): CountColumn | null => {
  const key = kind === 'outcome' ? `outcome_${detail}` : kind;
  return (COUNT_COLUMNS as readonly string[]).includes(key) ? (key as CountColumn) : null;
};
const zeros = (): Record<CountColumn, number> => Object.fromEntries(COUNT_COLUMNS.map((c) => [c, 0])) as Record<CountColumn, number>;

/** Counts per place and month over the range: every place of the filter and every month, zeros included. */
export async function monthlyCounts(db: Database, range: MonthRange, placeCodes?: readonly string[]): Promise<MonthCounts[]> {
  const placeRows = rowsOf<{ code: string }>(
    await db.execute(sql`select code from places ${placeCodes ? sql`where code = any(${pgArray(placeCodes)}::text[])` : sql``} order by code`),
  );
  const rows = rowsOf<{ place: string | null; month: string; kind: string; detail: string | null; n: number }>(
    await db.execute(sql`
      select p.code as place, ${monthKey} as month, e.kind, case when e.kind = 'outcome' then e.detail end as detail, count(*)::int as n
      from events e left join places p on p.id = e.place_id
      where e.at >= ${start(range.from)} and e.at < ${start(addMonths(range.to, 1))}
        ${inPlaces(placeCodes ?? null)}
      group by 1, 2, 3, 4`),
  );
  const table = new Map<string, Record<CountColumn, number>>();
  const key = (place: string, month: string) => `${place}\u0000${month}`;
  const places = placeRows.map((p) => p.code);
  if (!placeCodes && rows.some((r) => r.place === null)) places.push('-');
  for (const place of places) for (const month of monthsOf(range)) table.set(key(place, month), zeros());
  for (const r of rows) {
    const col = column(r.kind, r.detail);
    const cell = table.get(key(r.place ?? '-', r.month));
    if (col && cell) cell[col] += r.n;
  }
  return [...table.entries()].map(([k, counts]) => {
    const [place, month] = k.split('\u0000') as [string, string];
    return { place, month, counts };
  });
}

/** The stats card's figures for some places (by code; `null` for all) over a range of months. */
export async function impactFigures(db: Database, places: PlaceFilter, range: MonthRange): Promise<ImpactFigures> {
  const from = start(range.from);
  const to = start(addMonths(range.to, 1));
  const chartFrom = addMonths(range.to, -11);
  const [kinds, total, median, monthly] = await Promise.all([
    db.execute(sql`
      select e.kind, e.detail, count(*)::int as n from events e
      where e.at >= ${from} and e.at < ${to} ${inPlaces(places)}
      group by 1, 2`),
    db.execute(sql`
      select (count(*) filter (where e.kind = 'joined') - count(*) filter (where e.kind = 'forgotten'))::int as n
      from events e where e.kind in ('joined', 'forgotten') and e.at < ${to} ${inPlaces(places)}`),
    db.execute(sql`
      select percentile_cont(0.5) within group (order by e.days) as median from events e
      where e.kind = 'first_meeting' and e.at >= ${from} and e.at < ${to} ${inPlaces(places)}`),
    db.execute(sql`
      select ${monthKey} as month, count(*) filter (where e.kind = 'joined')::int as joined, count(*) filter (where e.kind = 'met')::int as met
      from events e where e.kind in ('joined', 'met') and e.at >= ${start(chartFrom)} and e.at < ${to} ${inPlaces(places)}
      group by 1`),
  ]);
  const counts = zeros();
  for (const r of rowsOf<{ kind: string; detail: string | null; n: number }>(kinds)) {
    const col = column(r.kind, r.detail);
    if (col) counts[col] += r.n;
  }
  const perMonth = new Map(rowsOf<{ month: string; joined: number; met: number }>(monthly).map((r) => [r.month, r]));
  const medianDays = rowsOf<{ median: number | string | null }>(median)[0]?.median;
  const answered = counts.accepted + counts.declined;
  return {
    participants: rowsOf<{ n: number }>(total)[0]?.n ?? 0,
    joined: counts.joined,
    suggestions: counts.suggested,
    introductions: counts.introduced,
    accepted: counts.accepted,
    declined: counts.declined,
    acceptanceRate: answered ? counts.accepted / answered : null,
    meetings: counts.met,
    outcomes: Object.fromEntries(OUTCOMES.map((o) => [o, counts[`outcome_${o}`]])) as ImpactFigures['outcomes'],
    referrals: counts.referral,
    medianDaysToFirstMeeting: medianDays === null || medianDays === undefined ? null : Number(medianDays),
    monthly: monthsOf({ from: chartFrom, to: range.to }).map((month) => ({ month, joined: perMonth.get(month)?.joined ?? 0, met: perMonth.get(month)?.met ?? 0 })),
  };
}
