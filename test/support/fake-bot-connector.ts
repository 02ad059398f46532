/**
 * A local Bot Connector: records what the bot posts to `{serviceUrl}/v3/conversations/…`
 * (replies and proactive messages), so tests can read what a Teams user would see.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ConnectorCall {
  readonly method: string;
  readonly path: string;
  readonly conversationId: string;
  readonly body: Record<string, unknown>;
}

/** A refusal the connector answers instead of accepting the next request. */
export interface ConnectorFailure {
  readonly status: number;
  readonly headers?: Record<string, string>;
}

export async function startFakeBotConnector() {
  const calls: ConnectorCall[] = [];
  const failures: ConnectorFailure[] = [];
  let next = 1;
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      const match = /\/v3\/conversations\/([^/]+)\/activities/.exec(path);
      let body: Record<string, unknown> = {};
      try {
        body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>) : {};
      } catch {
        body = {};
      }
      const failure = failures.shift();
      if (failure) {
        res.writeHead(failure.status, { 'content-type': 'application/json', ...failure.headers });
        res.end(JSON.stringify({ error: { code: 'Refused', message: `refused with ${failure.status}` } }));
        return;
      }
      calls.push({ method: req.method ?? '', path, conversationId: decodeURIComponent(match?.[1] ?? ''), body });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ id: `activity-${next++}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    serviceUrl: `http://127.0.0.1:${port}/`,
    calls,
    /** Answers the next requests with these refusals, one each, in order. */
    failNext(...refusals: ConnectorFailure[]) {
      failures.push(...refusals);
    },
    /** Adaptive Cards the bot sent into one conversation, in order. */
    cards(conversationId: string): Record<string, unknown>[] {
      return calls
        .filter((c) => c.conversationId === conversationId)
        .flatMap((c) => ((c.body.attachments as { content: Record<string, unknown> }[] | undefined) ?? []).map((a) => a.content));
    },
    texts(conversationId: string): string[] {
      return calls.filter((c) => c.conversationId === conversationId && typeof c.body.text === 'string').map((c) => String(c.body.text));
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

export type FakeBotConnector = Awaited<ReturnType<typeof startFakeBotConnector>>;
