/**
 * One update → one turn of the intake service → the replies, queued per chat so they leave in
 * order after the turn committed. Also the error boundary: a failed turn gets a kind "try again".
 */
import { Composer, type Context } from 'grammy';
import type { i18n as I18n } from 'i18next';
import { hintLanguage } from '../../core/dialogue/consent.js';
import type { Input, Output } from '../../core/dialogue/types.js';
import type { Identity, IntakeService } from '../../core/intake-service.js';
import { translator } from '../../i18n/index.js';
import type { Logger } from '../../logger.js';
import { inputOf } from './inputs.js';
import { createChatQueue, deliver, deliveryOf, type Delivery } from './render.js';

export interface TurnDeps {
  readonly intake: IntakeService;
  readonly i18n: I18n;
  readonly log: Logger;
  readonly queue: ReturnType<typeof createChatQueue>;
}

/** A resident in a private chat; groups, channels and other bots are not residents. */
export function identityOf(ctx: Context): Identity | undefined {
  const from = ctx.from;
  const chat = ctx.chat ?? ctx.callbackQuery?.message?.chat;
  if (!from || from.is_bot || (chat && chat.type !== 'private')) return undefined;
  return { channel: 'telegram', externalId: String(from.id), chatId: String(chat?.id ?? from.id) };
}

/** Queues a message in the language the channel hints (before we know the resident's own). */
function hinted(deps: TurnDeps, ctx: Context, to: Delivery, key: string, languageHint: string | undefined): void {
  const tr = translator(deps.i18n, hintLanguage({ now: new Date(), places: [], languageHint }));
  const outputs: Output[] = [{ type: 'message', text: { key } }];
  void deps.queue.push(to.chatId, () => deliver(ctx.api, to, outputs, tr, deps.log));
}

export function createTurnRunner(deps: TurnDeps) {
  return async function runTurn(ctx: Context, input: Input): Promise<void> {
    const identity = identityOf(ctx);
    const to = deliveryOf(ctx);
    if (!identity || !to) return;
    const outcome = await deps.intake.handle(identity, ctx.update.update_id, input, {
      profileName: ctx.from?.first_name,
      languageHint: ctx.from?.language_code,
    });
    if (outcome.kind === 'duplicate') return;
    if (outcome.kind === 'flooded') {
      if (outcome.warn) hinted(deps, ctx, to, 'common.slowDown', outcome.lang);
      return;
    }
    const tr = translator(deps.i18n, outcome.turn.lang);
    // Replies go out after the turn is committed; the chat queue keeps them in order.
    void deps.queue.push(to.chatId, () => deliver(ctx.api, to, outcome.turn.outputs, tr, deps.log));
  };
}

/** Installed first: whatever fails below is logged (no personal data) and answered kindly. */
export function errorBoundary(deps: TurnDeps): Composer<Context> {
  const boundary = new Composer<Context>();
  boundary.use(async (ctx, next) => {
    try {
      await next();
    } catch (error) {
      deps.log.error({ err: error, update: ctx.update.update_id }, 'turn failed');
      const to = deliveryOf(ctx);
      if (to && identityOf(ctx)) hinted(deps, ctx, to, 'common.error', ctx.from?.language_code);
    }
  });
  return boundary;
}

/** Buttons, typed text and voice notes; anything else last, with a kind nudge back to the buttons. */
export function residentFeatures(runTurn: ReturnType<typeof createTurnRunner>): Composer<Context>[] {
  const buttons = new Composer<Context>();
  buttons.on('callback_query', (ctx) => runTurn(ctx, inputOf(ctx)));
  const messages = new Composer<Context>();
  messages.on(['message:text', 'message:voice'], (ctx) => runTurn(ctx, inputOf(ctx)));
  // Last: stickers, photos, locations, edited messages…
  const fallback = new Composer<Context>();
  fallback.on(['message', 'edited_message'], (ctx) => runTurn(ctx, { type: 'unsupported' }));
  return [buttons, messages, fallback];
}
