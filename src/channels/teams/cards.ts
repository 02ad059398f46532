/**
 * Adaptive Cards (v1.5) for providers and matchmakers. Every string comes from
 * `locales/<lng>/teams.json`; categories and languages use the shared taxonomy labels.
 */
import { CATEGORIES, SPOKEN_LANGUAGES } from '../../core/taxonomy/categories.js';
import { OFFER_TYPES, type FieldError, type OfferField, type OfferKind } from '../../core/offers/offer-form.js';
import type { Offer } from '../../core/offers/ports.js';
import type { Translate } from '../../i18n/index.js';
import type { MatchDesk, MatchView } from '../../core/matching/desk.js';
import type { Reason } from '../../core/matching/types.js';
import type { ReferralCardData } from '../../core/outbox/messages.js';
import type { ImpactFigures } from '../../db/repositories/impact.js';
import { OUTCOMES } from '../../core/dialogue/commands.js';

export type Card = Record<string, unknown> & { type: 'AdaptiveCard' };
type Element = Record<string, unknown>;

/** `t('form.title')` for the teams namespace, `t('taxonomy:cat.cooking')` for others. */
export type CardText = (key: string, params?: Record<string, string | number>) => string;

export function cardText(tr: Translate): CardText {
  return (key, params) => {
    const raw = Object.fromEntries(Object.entries(params ?? {}).map(([k, v]) => [k, typeof v === 'number' ? v : { raw: v }]));
    return tr({ key: key.includes(':') ? key : `teams:${key}`, params: raw });
  };
}

const card = (body: Element[], actions: Element[] = []): Card => ({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body,
  ...(actions.length ? { actions } : {}),
});

const heading = (text: string): Element => ({ type: 'TextBlock', text, weight: 'Bolder', size: 'Medium', wrap: true });
const paragraph = (text: string, extra: Element = {}): Element => ({ type: 'TextBlock', text, wrap: true, ...extra });
const execute = (title: string, verb: string, data: Record<string, unknown> = {}): Element => ({
  type: 'Action.Execute',
  title,
  verb,
  data: { verb, ...data },
});

export type Role = { provider?: { organisation: string; name: string }; matchmakerOf?: string[] };

/** What each role can do, with buttons for providers. */
export function helpCard(t: CardText, role: Role): Card {
  const body: Element[] = [heading(t('help.title'))];
  if (role.provider) body.push(paragraph(t('help.provider', { name: role.provider.name, organisation: role.provider.organisation })));
  if (role.matchmakerOf?.length) body.push(paragraph(t('help.matchmaker', { places: role.matchmakerOf.join(', ') })));
  if (!role.provider && !role.matchmakerOf?.length) body.push(paragraph(t('help.unknown')));
  const actions = role.provider
    ? [execute(t('help.newOffer'), 'newOffer'), execute(t('help.newAsk'), 'newAsk'), execute(t('help.myOffers'), 'myOffers')]
    : [];
  return card(body, actions);
}

export function refusedCard(t: CardText): Card {
  return card([heading(t('refused.title')), paragraph(t('refused.text'))]);
}

export interface FormValues {
  readonly [field: string]: unknown;
}

function valueOf(values: FormValues, field: OfferField): string | undefined {
  const v = values[field];
  if (v === undefined || v === null) return undefined;
  return Array.isArray(v) ? v.join(',') : String(v);
}

function errorBlock(t: CardText, error: FieldError | undefined): Element[] {
  return error ? [paragraph(t(error.key, error.params), { color: 'Attention', size: 'Small', spacing: 'None' })] : [];
}

/** The offer/ask form; after a failed save it shows what was typed and why it was refused. */
export function offerFormCard(
  t: CardText,
  options: {
    kind: OfferKind;
    offerId?: string | undefined;
    values?: FormValues;
    errors?: Partial<Record<OfferField, FieldError>>;
    places: { code: string; name: string }[];
  },
): Card {
  const values = options.values ?? {};
  const errors = options.errors ?? {};
  const input = (field: OfferField, element: Element): Element[] => {
    const value = valueOf(values, field);
    return [{ id: field, label: t(`form.${field}`), ...element, ...(value !== undefined ? { value } : {}) }, ...errorBlock(t, errors[field])];
  };
  const choices = (items: { title: string; value: string }[]) => items;
  const title = options.offerId
    ? t('form.edit', { title: String(values.title ?? '') })
    : t(options.kind === 'ask' ? 'form.newAsk' : 'form.newOffer');
  const body: Element[] = [
    heading(title),
    paragraph(t('form.hint'), { isSubtle: true, size: 'Small' }),
    ...(Object.keys(errors).length ? [paragraph(t('form.checkBelow'), { color: 'Attention', weight: 'Bolder' })] : []),
    ...input('title', { type: 'Input.Text', maxLength: 80, isRequired: true }),
    ...input('description', { type: 'Input.Text', isMultiline: true, maxLength: 500, isRequired: true }),
    ...input('type', { type: 'Input.ChoiceSet', style: 'compact', isRequired: true, choices: choices(OFFER_TYPES.map((x) => ({ title: t(`type.${x}`), value: x }))) }),
    ...input('categories', {
      type: 'Input.ChoiceSet',
      isMultiSelect: true,
      style: 'filtered',
      isRequired: true,
      choices: choices(CATEGORIES.map((c) => ({ title: `${c.emoji} ${t(`taxonomy:cat.${c.id}`)}`, value: c.id }))),
    }),
    ...input('places', { type: 'Input.ChoiceSet', isMultiSelect: true, isRequired: true, choices: choices(options.places.map((p) => ({ title: p.name, value: p.code }))) }),
    ...input('languages', {
      type: 'Input.ChoiceSet',
      isMultiSelect: true,
      isRequired: true,
      choices: choices(SPOKEN_LANGUAGES.map((l) => ({ title: t(`taxonomy:langName.${l}`), value: l }))),
    }),
    ...input('startsOn', { type: 'Input.Date' }),
    ...input('endsOn', { type: 'Input.Date' }),
    ...input('capacity', { type: 'Input.Number', min: 1, max: 10000 }),
    ...input('contact', { type: 'Input.Text', maxLength: 120, isRequired: true }),
  ];
  const data = { kind: options.kind, ...(options.offerId ? { offerId: options.offerId } : {}) };
  return card(body, [execute(t('form.save'), 'saveOffer', data)]);
}

/** Just a few words. */
export function textCard(text: string): Card {
  return card([paragraph(text)]);
}

/** A short confirmation, with the next things a provider may want to do. */
export function noticeCard(t: CardText, text: string): Card {
  return card([paragraph(text)], [execute(t('help.myOffers'), 'myOffers'), execute(t('help.newOffer'), 'newOffer')]);
}

export function offerListCard(t: CardText, organisation: string, list: readonly Offer[]): Card {
  const body: Element[] = [heading(t('list.title', { organisation }))];
  if (list.length === 0) body.push(paragraph(t('list.empty')));
  for (const offer of list) {
    const facts = [t(`kind.${offer.kind}`), t(`type.${offer.type}`), t(`list.${offer.status}`)];
    if (offer.endsOn) facts.push(t('list.until', { date: offer.endsOn }));
    body.push({
      type: 'Container',
      separator: true,
      items: [
        paragraph(offer.title, { weight: 'Bolder' }),
        paragraph(facts.join(' · '), { isSubtle: true, spacing: 'None' }),
        ...(offer.status === 'open'
          ? [{ type: 'ActionSet', actions: [execute(t('list.edit'), 'editOffer', { offerId: offer.id }), execute(t('list.close'), 'closeOffer', { offerId: offer.id })] }]
          : []),
      ],
    });
  }
  return card(body, [execute(t('help.newOffer'), 'newOffer'), execute(t('help.newAsk'), 'newAsk')]);
}

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

export type DecisionVerb = 'introduce' | 'snooze' | 'dismiss';
export const isDecisionVerb = (verb: unknown): verb is DecisionVerb => verb === 'introduce' || verb === 'snooze' || verb === 'dismiss';

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
