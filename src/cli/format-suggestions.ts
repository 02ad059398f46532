/** Suggestions as plain text for the terminal, in the reader's language. */
import type { Suggestion } from '../db/repositories/match-queries.js';
import type { Translate } from '../i18n/index.js';
import { KIND_KEYS, reasonText } from '../core/matching/reasons.js';

/** One suggestion as plain text lines. */
export function formatSuggestion(s: Suggestion, tr: Translate): string {
  const header = `${s.score.toFixed(2)}  ${tr({ key: KIND_KEYS[s.kind] })}${s.place ? `  · ${s.place}` : ''}`;
  const who = `      ${s.members.map((m) => `${m.label} [${m.role}]`).join('  ↔  ')}`;
  const why = s.reasons.map((r) => `      • ${tr(reasonText(r))}`);
  return [header, who, ...why].join('\n');
}

export function formatSuggestions(list: readonly Suggestion[], tr: Translate): string {
  if (list.length === 0) return `${tr({ key: 'matching:list.none' })}\n`;
  return `${tr({ key: 'matching:list.header', params: { count: list.length } })}\n\n${list.map((s) => formatSuggestion(s, tr)).join('\n\n')}\n`;
}

