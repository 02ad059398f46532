/** Dates as people in Belgium say them: "today" changes at midnight in Brussels, not in UTC. */

export const TIME_ZONE = 'Europe/Brussels';

/** Today's date (YYYY-MM-DD) in `timeZone`. */
export function today(now: Date = new Date(), timeZone: string = TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
