/** Tiny helpers for the plain node:http server. */
import type { IncomingMessage, ServerResponse } from 'node:http';

export class BodyTooLargeError extends Error {
  override name = 'BodyTooLargeError';
}

/** Reads the request body, refusing more than `limit` bytes. */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) {
    req.resume();
    throw new BodyTooLargeError();
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      req.resume();
      throw new BodyTooLargeError();
    }
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

export function send(res: ServerResponse, status: number, body: unknown): void {
  if (res.headersSent) return;
  const payload = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(payload) });
  res.end(payload);
}

/** Sentinel: the request was already answered with a 4xx. */
export const REFUSED = Symbol('refused');

/** Reads a JSON body of at most `limit` bytes; answers 413 or 400 itself and returns `REFUSED`. */
export async function readJson(req: IncomingMessage, res: ServerResponse, limit: number): Promise<unknown> {
  try {
    return JSON.parse((await readBody(req, limit)).toString('utf8'));
  } catch (error) {
    send(res, error instanceof BodyTooLargeError ? 413 : 400, { error: error instanceof BodyTooLargeError ? 'body too large' : 'body is not JSON' });
    return REFUSED;
  }
}
