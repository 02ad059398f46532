/**
 * `stats [place] [period]` for matchmakers: reads the words, checks the place is theirs, and
 * builds the stats card with its chart. Figures come through a port (the impact repository).
 */
import type { ImpactFigures, PlaceFilter } from '../../db/repositories/impact.js';
import { monthOf, parsePeriod, type MonthRange } from '../../core/impact/period.js';
import { joinsAndMeetingsPng } from '../../impact/chart.js';
import { statsCard, type Card, type CardText } from './cards.js';

export type ImpactPort = (places: PlaceFilter, range: MonthRange) => Promise<ImpactFigures>;

export const STATS_COMMAND = /^\s*(stats|statistieken|cijfers)\b(.*)$/i;

export type StatsRequest = { readonly place?: string; readonly range: MonthRange } | { readonly error: 'usage' };

/** The words after `stats`: at most one known place code and at most one period, in any order. */
export function parseStatsArgs(words: string, placeCodes: readonly string[], now: Date): StatsRequest {
  let place: string | undefined;
  let range: MonthRange | undefined;
  for (const word of words.trim().toLowerCase().split(/\s+/).filter(Boolean)) {
    const period = parsePeriod(word);
    if (period && !range) range = period;
    else if (placeCodes.includes(word) && !place) place = word;
    else return { error: 'usage' };
  }
  const month = monthOf(now);
  return { ...(place ? { place } : {}), range: range ?? { from: month, to: month } };
}

/** A month (`2026-11`) in the reader's language, e.g. `november 2026` or `nov. 26`. */
function monthLabel(month: string, lang: string, style: 'long' | 'short', year: 'numeric' | '2-digit' = 'numeric'): string {
  return new Intl.DateTimeFormat(lang, { month: style, year, timeZone: 'UTC' }).format(new Date(`${month}-15T00:00:00Z`));
}

/** `november 2026`, or `jan. 2026 – jun. 2026` for a range, in the reader's language. */
export function periodLabel(range: MonthRange, lang: string): string {
  return range.from === range.to ? monthLabel(range.from, lang, 'long') : `${monthLabel(range.from, lang, 'short')} – ${monthLabel(range.to, lang, 'short')}`;
}

/** The card with its chart (joins and meetings over the twelve months up to the period's end). */
export async function buildStatsCard(t: CardText, lang: string, scope: string, range: MonthRange, figures: ImpactFigures): Promise<Card> {
  const png = await joinsAndMeetingsPng({
    labels: figures.monthly.map((m) => monthLabel(m.month, lang, 'short', '2-digit')),
    joined: figures.monthly.map((m) => m.joined),
    met: figures.monthly.map((m) => m.met),
    joinedLabel: t('stats.chartJoined'),
    metLabel: t('stats.chartMet'),
  });
  return statsCard(t, { scope, period: periodLabel(range, lang), figures, chart: `data:image/png;base64,${png.toString('base64')}` });
}

