/**
 * `POST /api/messages` on the one node:http server, handed to botbuilder's CloudAdapter. With an
 * app id the adapter validates every request's JWT (unsigned → 401); without one, only loopback
 * requests are accepted (local trial and tests).
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { TurnContext } from 'botbuilder';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import type { Logger } from '../../logger.js';
import { readJson, REFUSED, send } from '../../http/io.js';

const MAX_BODY = 1024 * 1024;
const LOOPBACK = new Set(['127.0.0.1', '::1', '::ffff:127.0.0.1']);

/** The small Response surface botbuilder writes to, on top of node's ServerResponse. */
function responseFor(res: ServerResponse) {
  let status = 200;
  let body: unknown;
  const headers: Record<string, string> = {};
  return {
    socket: res.socket,
    status(code: number) {
      status = code;
      return this;
    },
    header(name: string, value: unknown) {
      headers[name.toLowerCase()] = String(value);
      return this;
    },
    send(value: unknown) {
      body = value;
      return this;
    },
    end() {
      if (res.headersSent) return;
      if (body === undefined) {
        res.writeHead(status, headers);
        res.end();
        return;
      }
      const payload = typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(payload);
    },
  };
}

/** The fields every turn relies on: where it comes from and where replies go. */
function isActivity(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const a = body as { type?: unknown; serviceUrl?: unknown; conversation?: { id?: unknown }; from?: { id?: unknown } };
  return typeof a.type === 'string' && typeof a.serviceUrl === 'string' && typeof a.conversation?.id === 'string' && typeof a.from?.id === 'string';
}

export function createTeamsHandler(
  adapter: TeamsAdapter,
  logic: (context: TurnContext) => Promise<void>,
  options: { loopbackOnly: boolean; log: Logger },
) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'POST') return send(res, 405, { error: 'use POST' });
    if (options.loopbackOnly && !LOOPBACK.has(req.socket.remoteAddress ?? '')) {
      return send(res, 401, { error: 'set MICROSOFT_APP_ID to accept requests from Teams' });
    }
    const body = await readJson(req, res, MAX_BODY);
    if (body === REFUSED) return;
    if (!isActivity(body)) return send(res, 400, { error: 'not a Bot Framework activity' });
    const request = { body: body as Record<string, unknown>, headers: req.headers, method: 'POST' };
    try {
      await adapter.process(request, responseFor(res), logic);
    } catch (error) {
      options.log.error({ err: error }, 'Teams activity failed');
      send(res, 500, { error: 'internal error' });
    }
  };
}
