/** Calendar days where the Stuyfplekken are: an offer ending today is still valid today in Belgium. */

/** `now` as YYYY-MM-DD in `timeZone` (Belgian time by default). */
export function today(now: Date = new Date(), timeZone = 'Europe/Brussels'): string {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}
