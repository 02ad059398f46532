/**
 * The stats card's figures, as the impact repository computes them and the channels show them:
 * counts only — no names, ids or free text.
 */
import type { OUTCOMES } from '../dialogue/commands.js';
import type { MonthRange } from './period.js';

export type Outcome = (typeof OUTCOMES)[number];

export interface ImpactFigures {
  /** People with a profile at the end of the period: joined minus erased, up to then. */
  readonly participants: number;
  readonly joined: number;
  readonly suggestions: number;
  readonly introductions: number;
  readonly accepted: number;
  readonly declined: number;
  /** accepted / (accepted + declined), `null` when nobody answered yet. */
  readonly acceptanceRate: number | null;
  readonly meetings: number;
  readonly outcomes: Readonly<Record<Outcome, number>>;
  readonly referrals: number;
  /** Median whole days from joining to a first meeting, of first meetings in the period. */
  readonly medianDaysToFirstMeeting: number | null;
  /** Joins and meetings per month, the twelve months up to the period's end (for the chart). */
  readonly monthly: readonly { month: string; joined: number; met: number }[];
}

/** Place codes to count: `null` for all places. */
export type PlaceFilter = readonly string[] | null;

/** Where the channels get figures from (the impact repository). */
export type ImpactPort = (places: PlaceFilter, range: MonthRange) => Promise<ImpactFigures>;
