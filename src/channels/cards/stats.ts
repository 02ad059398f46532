/**
 * The matchmaker's figures as a card: the words after `stats` (a place, a period), the period in
 * the reader's language, the counts and a chart of joins and meetings per month.
 */
import type { ImpactFigures } from '../../core/impact/figures.js';
import { monthOf, parsePeriod, type MonthRange } from '../../core/impact/period.js';
import { OUTCOMES } from '../../core/dialogue/commands.js';
import { joinsAndMeetingsPng } from './chart.js';
import { card, heading, paragraph, type Card, type CardText } from './elements.js';

export interface StatsCardData {
  /** A place's name, or "all your Stuyfplekken". */
  readonly scope: string;
  /** The months, as the reader says them ("november 2026"). */
  readonly period: string;
  readonly figures: ImpactFigures;
  /** The chart as a `data:image/png;base64,…` URL. */
  readonly chart: string;
}

/** The matchmaker's figures: counts only, a chart of joins and meetings per month. */
export function statsCard(t: CardText, data: StatsCardData): Card {
  const f = data.figures;
  const none = t('stats.none');
  const fact = (key: string, value: string | number) => ({ title: t(key), value: String(value) });
  return card([
    heading(t('stats.title', { scope: data.scope, period: data.period })),
    {
      type: 'FactSet',
      facts: [
        fact('stats.participants', f.participants),
        fact('stats.joined', f.joined),
        fact('stats.suggestions', f.suggestions),
        fact('stats.introductions', f.introductions),
        fact('stats.acceptance', f.acceptanceRate === null ? none : t('stats.percent', { value: Math.round(f.acceptanceRate * 100) })),
        fact('stats.meetings', f.meetings),
        fact('stats.referrals', f.referrals),
        fact('stats.medianDays', f.medianDaysToFirstMeeting === null ? none : Math.round(f.medianDaysToFirstMeeting)),
      ],
    },
    paragraph(t('stats.outcomes'), { weight: 'Bolder', spacing: 'Medium' }),
    { type: 'FactSet', facts: OUTCOMES.map((o) => fact(`stats.outcome.${o}`, f.outcomes[o])) },
    { type: 'Image', url: data.chart, altText: t('stats.chart'), size: 'Stretch', spacing: 'Medium' },
    paragraph(t('stats.anonymous'), { isSubtle: true, size: 'Small' }),
  ]);
}

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

