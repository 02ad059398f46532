/**
 * `POST /telegram/webhook`: checks Telegram's secret-token header (401 without it), refuses
 * oversized or malformed bodies with a 4xx, then hands the update to grammY.
 */
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import type { Logger } from '../../logger.js';
import { readJson, REFUSED, send } from '../../http/io.js';

const MAX_BODY = 1024 * 1024;
const SECRET_HEADER = 'x-telegram-bot-api-secret-token';

function sameSecret(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function isUpdate(value: unknown): value is Update {
  return typeof value === 'object' && value !== null && Number.isSafeInteger((value as { update_id?: unknown }).update_id);
}

export function createWebhookHandler(bot: Bot, secret: string, log: Logger) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') return send(res, 405, { error: 'use POST' });
    if (!sameSecret(req.headers[SECRET_HEADER], secret)) return send(res, 401, { error: 'wrong or missing secret token' });
    const update = await readJson(req, res, MAX_BODY);
    if (update === REFUSED) return;
    if (!isUpdate(update)) return send(res, 400, { error: 'not a Telegram update' });
    try {
      await bot.handleUpdate(update);
      send(res, 200, { ok: true });
    } catch (error) {
      log.error({ err: error, update: update.update_id }, 'webhook update failed');
      send(res, 500, { error: 'try again later' });
    }
  };
}
