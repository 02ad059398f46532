/** The playground's small JSON API: POST a JSON object, get JSON back. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { isLang, type Lang } from '../../core/taxonomy/categories.js';
import { readJson, REFUSED, send } from '../../http/io.js';
import type { Handler } from '../../http/server.js';

const MAX_BODY = 64 * 1024;

export type JsonBody = Record<string, unknown>;

export const jsonRoute =
  (handler: (body: JsonBody) => Promise<unknown>): Handler =>
  async (req: IncomingMessage, res: ServerResponse) => {
    if (req.method !== 'POST') return send(res, 405, { error: 'use POST' });
    const body = await readJson(req, res, MAX_BODY);
    if (body === REFUSED) return;
    if (typeof body !== 'object' || body === null) return send(res, 400, { error: 'expected a JSON object' });
    send(res, 200, await handler(body as JsonBody));
  };

export const langOf = (v: unknown): Lang => (isLang(v) ? v : 'nl');

/** A card action's data (the inputs of the card with the action's own data); `{}` when absent. */
export const dataOf = (body: JsonBody): Record<string, unknown> => (typeof body.data === 'object' && body.data !== null ? (body.data as Record<string, unknown>) : {});
