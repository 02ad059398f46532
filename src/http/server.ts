/**
 * One HTTP server for everything: `/healthz`, `/telegram/webhook`, `/api/messages`, the info pages
 * and the playground. Routes are registered by the channels that `app.ts` wires in.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { Logger } from '../logger.js';
import { send } from './io.js';

export type Handler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;

export interface HttpOptions {
  readonly log: Logger;
  readonly ping: () => Promise<boolean>;
  /** Extra figures for /healthz (e.g. outbox counts), read only when the database answers. */
  readonly status?: () => Promise<Record<string, unknown>>;
  readonly routes: Readonly<Record<string, Handler>>;
}

export function createHttpServer(options: HttpOptions): Server {
  const { log, routes } = options;
  const server = createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0]!;
    const route = path === '/healthz' ? health(options.ping, options.status) : routes[path];
    if (!route) return send(res, 404, { error: 'not found' });
    Promise.resolve(route(req, res)).catch((error: unknown) => {
      log.error({ err: error, path }, 'request failed');
      send(res, 500, { error: 'internal error' });
    });
  });
  server.requestTimeout = 30_000;
  server.headersTimeout = 10_000;
  return server;
}

function health(ping: () => Promise<boolean>, status?: () => Promise<Record<string, unknown>>): Handler {
  return async (_req, res) => {
    const database = await ping();
    const extra = database && status ? await status().catch(() => ({})) : {};
    send(res, database ? 200 : 503, { status: database ? 'ok' : 'degraded', database, ...extra });
  };
}

export function listen(server: Server, port: number, host = '0.0.0.0'): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    });
  });
}
