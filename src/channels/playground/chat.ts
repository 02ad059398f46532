/**
 * The resident pane: one turn of the same intake service as Telegram with a playground identity,
 * and the inbox of what the system sent on its own (proposals, "how to meet", follow-ups).
 */
import type { i18n as I18n } from 'i18next';
import type { IntakeService } from '../../core/intake-service.js';
import type { Button, Input, Output } from '../../core/dialogue/types.js';
import { parseCommand } from '../../core/dialogue/parse-command.js';
import type { ResidentMessage } from '../../core/outbox/messages.js';
import { RTL_LANGUAGES } from '../../core/taxonomy/categories.js';
import { translator, type Translate } from '../../i18n/index.js';
import type { Handler } from '../../http/server.js';
import { jsonRoute, langOf, type JsonBody } from './json.js';

/** A message delivered to a playground resident, with its outbox id. */
export interface InboxMessage {
  readonly id: number;
  readonly payload: ResidentMessage;
}

export interface ChatDeps {
  readonly intake: IntakeService;
  readonly i18n: I18n;
  /** Messages delivered to a playground resident after `afterId`, oldest first. */
  readonly inbox: (chatId: string, afterId: number) => Promise<readonly InboxMessage[]>;
  readonly settle: () => Promise<void>;
}

/** Button rows with their labels in the reader's language, as Telegram would show them. */
function renderButtons(buttons: readonly (readonly Button[])[] | undefined, tr: Translate) {
  return (buttons ?? []).map((row) => row.map((b) => ({ text: tr(b.text), data: b.data })));
}

function render(outputs: readonly Output[], tr: Translate) {
  return outputs.map((o) =>
    o.type === 'toast' ? { type: 'toast', text: tr(o.text) } : { type: 'message', text: tr(o.text), edit: o.edit ?? null, buttons: renderButtons(o.buttons, tr) },
  );
}

function inputOf(body: JsonBody): Input | null {
  if (typeof body.button === 'string') return { type: 'button', data: body.button.slice(0, 64) };
  if (typeof body.text !== 'string') return null;
  const text = body.text.slice(0, 5000);
  return parseCommand(text) ?? { type: 'text', text };
}

export function chatRoutes(deps: ChatDeps): Record<string, Handler> {
  const turn = jsonRoute(async (body) => {
    const resident = String(body.resident ?? '1').replace(/[^a-z0-9-]/gi, '').slice(0, 20) || '1';
    const input = inputOf(body);
    if (!input) return { error: 'send text or a button' };
    const identity = { channel: 'playground' as const, externalId: resident, chatId: resident };
    const profileName = typeof body.name === 'string' ? body.name.slice(0, 40) : undefined;
    const outcome = await deps.intake.handle(identity, undefined, input, { profileName, languageHint: langOf(body.lang) });
    await deps.settle();
    if (outcome.kind !== 'handled') return { lang: langOf(body.lang), messages: [] };
    const { lang, outputs } = outcome.turn;
    return { lang, rtl: RTL_LANGUAGES.has(lang), messages: render(outputs, translator(deps.i18n, lang)) };
  });

  const inbox = jsonRoute(async (body) => {
    const rows = await deps.inbox(String(body.resident ?? '1'), Number(body.after ?? 0) || 0);
    return {
      messages: rows.map(({ id, payload }) => {
        const tr = translator(deps.i18n, payload.lang);
        return { id, text: tr(payload.text), buttons: renderButtons(payload.buttons, tr) };
      }),
    };
  });

  return { '/playground/api/turn': turn, '/playground/api/inbox': inbox };
}
