/**
 * The matchmaker's cards: the digest of suggestions with Introduce / Not now / Not a fit, the
 * decision those buttons apply, and the warm referral.
 */
import type { MatchDesk, MatchView } from '../../core/matching/desk.js';
import { reasonText } from '../../core/matching/reasons.js';
import type { Reason } from '../../core/matching/types.js';
import type { ReferralCardData } from '../../core/outbox/messages.js';
import type { Translate } from '../../i18n/index.js';
import { card, cardText, execute, heading, paragraph, type Card, type CardText, type Element } from './elements.js';

/** The matchmaker's digest: each suggestion with who ↔ who/what, reasons, state and decisions. */
export function matchDigestCard(t: CardText, reason: (r: Reason) => string, views: readonly MatchView[]): Card {
  const place = views[0]?.place ?? '';
  const ids = views.map((v) => v.id);
  const body: Element[] = [heading(t('digest.title', { place }))];
  for (const v of views) {
    const who = v.members
      .map((m) => `${m.label}${m.answer ? ` (${t(`digest.answer.${m.answer}`)})` : ''}${m.kind === 'resident' && !m.reachable ? ` — ${t('digest.noTelegram')}` : ''}`)
      .join('  ↔  ');
    const items: Element[] = [
      paragraph(`${t(`digest.kind.${v.kind}`)} · ${t('digest.score', { score: Math.round(v.score * 100) })} · ${t(`digest.state.${v.state}`)}`, { weight: 'Bolder' }),
      paragraph(who, { spacing: 'None' }),
      paragraph(v.reasons.map((r) => `• ${reason(r)}`).join('\n'), { isSubtle: true, spacing: 'Small' }),
    ];
    if (v.meetingNote) items.push(paragraph(t('digest.meeting', { meeting: v.meetingNote }), { spacing: 'Small' }));
    if (v.state === 'suggested' || v.state === 'snoozed') {
      items.push({ type: 'Input.Text', id: `meet_${v.id}`, placeholder: t('digest.meetingPlaceholder'), maxLength: 300 });
      items.push({ type: 'Input.Text', id: `reason_${v.id}`, placeholder: t('digest.reasonPlaceholder'), maxLength: 300 });
      items.push({
        type: 'ActionSet',
        actions: [
          execute(t('digest.introduce'), 'introduce', { matchId: v.id, matchIds: ids }),
          ...(v.state === 'suggested' ? [execute(t('digest.notNow'), 'snooze', { matchId: v.id, matchIds: ids })] : []),
          execute(t('digest.notAFit'), 'dismiss', { matchId: v.id, matchIds: ids }),
        ],
      });
    }
    body.push({ type: 'Container', separator: true, items });
  }
  return card(body);
}

export const DECISION_VERBS = ['introduce', 'snooze', 'dismiss'] as const;
export type DecisionVerb = (typeof DECISION_VERBS)[number];
export const isDecisionVerb = (verb: unknown): verb is DecisionVerb => (DECISION_VERBS as readonly unknown[]).includes(verb);

/** Applies Introduce / Not now / Not a fit with what was typed in the digest card's inputs for that match. */
export async function applyDecision(desk: MatchDesk, verb: DecisionVerb, matchId: string, data: Record<string, unknown>): Promise<boolean> {
  const note = data[`meet_${matchId}`];
  const reason = data[`reason_${matchId}`];
  if (verb === 'introduce') return desk.introduce(matchId, typeof note === 'string' ? note : undefined);
  if (verb === 'snooze') return desk.snooze(matchId);
  return desk.dismiss(matchId, typeof reason === 'string' ? reason : '');
}

/** A resident asks to be called about something heavy: topics as flags only, with the services. */
export function referralCard(t: CardText, data: ReferralCardData): Card {
  const flags = data.flags.map((f) => t(`taxonomy:sensitive.${f}`)).join(', ') || '—';
  const services = data.services.map((s) => `• ${s.name}${s.phone ? ` ☎️ ${s.phone}` : ''}`).join('\n');
  return card([
    heading(t('referral.title', { name: data.name })),
    paragraph(t('referral.text', { place: data.place, flags })),
    ...(services ? [paragraph(t('referral.services'), { weight: 'Bolder' }), paragraph(services)] : []),
  ]);
}

/** The digest of these suggestions in one language, reasons included. */
export function digestIn(tr: Translate, views: readonly MatchView[]): Card {
  return matchDigestCard(cardText(tr), (r) => tr(reasonText(r)), views);
}
