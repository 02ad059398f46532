/**
 * The local playground: the resident chat, the provider form and the matchmaker feed in one
 * browser page, driven by the same dialogue, offer validation, matcher and match desk as Telegram
 * and Teams. A channel like the others — it renders, it does not decide.
 */
import { readFile } from 'node:fs/promises';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createRequire } from 'node:module';
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { i18n as I18n } from 'i18next';
import type { IntakeService } from '../../core/intake-service.js';
import type { Button, Input, Output } from '../../core/dialogue/types.js';
import { parseCommand } from '../../core/dialogue/parse-command.js';
import type { Directory, OfferStore, Organisation } from '../../core/offers/ports.js';
import type { Logger } from '../../logger.js';
import type { MatchDesk, MatchView } from '../../core/matching/desk.js';
import { reasonText } from '../../core/matching/reasons.js';
import { isLang, RTL_LANGUAGES, type Lang } from '../../core/taxonomy/categories.js';
import type { Database } from '../../db/client.js';
import { matches, organisations, outbox } from '../../db/schema/index.js';
import { translator, type Translate } from '../../i18n/index.js';
import { readJson, REFUSED, send } from '../../http/io.js';
import type { Handler } from '../../http/server.js';
import { applyDecision, cardText, helpCard, isDecisionVerb, matchDigestCard } from '../teams/cards.js';
import { createProviderActions, isProviderVerb } from '../teams/provider.js';
import { buildStatsCard, type ImpactPort } from '../teams/stats.js';
import { monthOf } from '../../core/impact/period.js';
import { DEMO_ORGANISATIONS } from '../../services/demo.js';
import { pageData, playgroundPage } from './page.js';
import type { ResidentMessage } from '../../core/outbox/messages.js';

export interface PlaygroundOptions {
  readonly db: Database;
  readonly intake: IntakeService;
  readonly offers: OfferStore;
  readonly directory: Directory;
  readonly desk: MatchDesk;
  readonly i18n: I18n;
  readonly log: Logger;
  readonly today: () => string;
  readonly onOfferSaved: (offerId: string) => void;
  /** Impact figures, for the matchmaker's 📊 (the same card as `stats` in Teams). */
  readonly impact: ImpactPort;
  /** Waits for matching started by the last action, so the feed shows it at once. */
  readonly settle: () => Promise<void>;
}

const FEED_STATES = ['suggested', 'snoozed', 'introduced', 'accepted', 'declined', 'met'] as const;
const FEED_SIZE = 20;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const RENDERER = createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.min.js');

const langOf = (v: unknown): Lang => (isLang(v) ? v : 'nl');

/** Button rows with their labels in the reader's language, as Telegram would show them. */
function renderButtons(buttons: readonly (readonly Button[])[] | undefined, tr: Translate) {
  return (buttons ?? []).map((row) => row.map((b) => ({ text: tr(b.text), data: b.data })));
}

function render(outputs: readonly Output[], tr: Translate) {
  return outputs.map((o) =>
    o.type === 'toast' ? { type: 'toast', text: tr(o.text) } : { type: 'message', text: tr(o.text), edit: o.edit ?? null, buttons: renderButtons(o.buttons, tr) },
  );
}

/** A card action's data (the inputs of the card with the action's own data); `{}` when absent. */
const dataOf = (body: Record<string, unknown>): Record<string, unknown> => (typeof body.data === 'object' && body.data !== null ? (body.data as Record<string, unknown>) : {});

function inputOf(body: Record<string, unknown>): Input | null {
  if (typeof body.button === 'string') return { type: 'button', data: body.button.slice(0, 64) };
  if (typeof body.text !== 'string') return null;
  const text = body.text.slice(0, 5000);
  return parseCommand(text) ?? { type: 'text', text };
}

/** The demo organisation the playground's provider posts for (its demo offers show in "My offers"). */
async function demoOrganisation(db: Database): Promise<Organisation> {
  const demo = DEMO_ORGANISATIONS[0];
  await db.insert(organisations).values(demo).onConflictDoNothing({ target: organisations.code });
  const [org] = await db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(eq(organisations.code, demo.code));
  return org!;
}

export function createPlayground(options: PlaygroundOptions): Record<string, Handler> {
  const { db, i18n } = options;
  const json = (handler: (body: Record<string, unknown>) => Promise<unknown>): Handler => async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') return send(res, 405, { error: 'use POST' });
    const body = await readJson(req, res, 64 * 1024);
    if (body === REFUSED) return;
    if (typeof body !== 'object' || body === null) return send(res, 400, { error: 'expected a JSON object' });
    send(res, 200, await handler(body as Record<string, unknown>));
  };

  /** One resident turn: the same intake service as Telegram, with a playground identity. */
  const turn = json(async (body) => {
    const resident = String(body.resident ?? '1').replace(/[^a-z0-9-]/gi, '').slice(0, 20) || '1';
    const input = inputOf(body);
    if (!input) return { error: 'send text or a button' };
    const identity = { channel: 'playground' as const, externalId: resident, chatId: resident };
    const outcome = await options.intake.handle(identity, undefined, input, { profileName: typeof body.name === 'string' ? body.name.slice(0, 40) : undefined, languageHint: langOf(body.lang) });
    await options.settle();
    if (outcome.kind !== 'handled') return { lang: langOf(body.lang), messages: [] };
    return { lang: outcome.turn.lang, rtl: RTL_LANGUAGES.has(outcome.turn.lang), messages: render(outcome.turn.outputs, translator(i18n, outcome.turn.lang)) };
  });

  /** Messages the system sent on its own (proposals, "how to meet", follow-ups) to a playground resident. */
  const inbox = json(async (body) => {
    const resident = String(body.resident ?? '1');
    const after = Number(body.after ?? 0) || 0;
    const rows = await db
      .select({ id: outbox.id, payload: outbox.payload })
      .from(outbox)
      .where(and(eq(outbox.channel, 'playground'), gt(outbox.id, after), sql`${outbox.payload}->>'chatId' = ${resident}`, inArray(outbox.status, ['sent'])))
      .orderBy(outbox.id);
    return {
      messages: rows.map((r) => {
        const p = r.payload as ResidentMessage;
        const tr = translator(i18n, p.lang);
        return { id: r.id, text: tr(p.text), buttons: renderButtons(p.buttons, tr) };
      }),
    };
  });

  /** The provider pane: the Teams provider cards and verbs, for the demo organisation. */
  const provider = createProviderActions({ offers: options.offers, directory: options.directory, log: options.log, today: options.today, onOfferSaved: options.onOfferSaved });
  let organisation: Promise<Organisation> | undefined;
  const providerCard = json(async (body) => {
    const t = cardText(translator(i18n, langOf(body.lang)));
    organisation ??= demoOrganisation(db).catch((error: unknown) => {
      organisation = undefined; // try again on the next request
      throw error;
    });
    const org = await organisation;
    if (!isProviderVerb(body.verb)) return { card: helpCard(t, { provider: { organisation: org.name, name: t('playground.providerName') } }) };
    const card = await provider({ t, organisation: org, authorId: 'playground' }, body.verb, dataOf(body));
    await options.settle();
    return { card };
  });

  /** The Teams digest card of one suggestion, in the matchmaker's language. */
  const cardOf = (view: MatchView, lang: Lang) => {
    const tr = translator(i18n, lang);
    return matchDigestCard(cardText(tr), (r) => tr(reasonText(r)), [view]);
  };

  /** The matchmaker feed: the newest suggestions, each as the same Adaptive Card Teams gets. */
  const feed = json(async (body) => {
    const lang = langOf(body.lang);
    const rows = await db.select({ id: matches.id }).from(matches).where(inArray(matches.state, FEED_STATES)).orderBy(sql`${matches.updatedAt} desc`).limit(FEED_SIZE);
    const views = await options.desk.views(rows.map((r) => r.id));
    return { cards: views.map((v) => ({ id: v.id, state: v.state, card: cardOf(v, lang) })) };
  });

  /** Introduce / Not now / Not a fit from a card: the card's own data, the card back as it is now. */
  const decide = json(async (body) => {
    const matchId = String(body.matchId ?? '');
    if (!UUID.test(matchId) || !isDecisionVerb(body.verb)) return { ok: false };
    const ok = await applyDecision(options.desk, body.verb, matchId, dataOf(body));
    await options.settle();
    const [view] = await options.desk.views([matchId]);
    return { ok, ...(view ? { state: view.state, card: cardOf(view, langOf(body.lang)) } : {}) };
  });

  /** The matchmaker's figures for all places this month: the card Teams shows for `stats`. */
  const stats = json(async (body) => {
    const lang = langOf(body.lang);
    const t = cardText(translator(i18n, lang));
    const month = monthOf(new Date());
    const range = { from: month, to: month };
    return { card: await buildStatsCard(t, lang, t('stats.allPlaces'), range, await options.impact(null, range)) };
  });

  /** The Adaptive Cards renderer, served from the installed package: no build step. */
  let renderer: Buffer | undefined;
  const rendererScript: Handler = async (_req, res) => {
    renderer ??= await readFile(RENDERER);
    res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'content-length': renderer.length, 'cache-control': 'public, max-age=86400' });
    res.end(renderer);
  };

  // The page's labels come from the locale files, which do not change while running.
  const html = playgroundPage(pageData(translator(i18n, 'nl')));
  const page: Handler = async (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
    res.end(html);
  };

  return {
    '/': page,
    '/playground': page,
    '/playground/api/turn': turn,
    '/playground/api/inbox': inbox,
    '/playground/api/provider': providerCard,
    '/playground/api/feed': feed,
    '/playground/api/decide': decide,
    '/playground/api/stats': stats,
    '/playground/adaptivecards.js': rendererScript,
  };
}
