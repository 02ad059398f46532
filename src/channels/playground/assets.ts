/** The page itself and the Adaptive Cards renderer, served from the installed package: no build step. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { i18n as I18n } from 'i18next';
import { translator } from '../../i18n/index.js';
import type { Handler } from '../../http/server.js';
import { pageData, playgroundPage } from './page.js';

const RENDERER = createRequire(import.meta.url).resolve('adaptivecards/dist/adaptivecards.min.js');

export function assetRoutes(i18n: I18n): Record<string, Handler> {
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

  return { '/': page, '/playground': page, '/playground/adaptivecards.js': rendererScript };
}
