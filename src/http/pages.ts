/**
 * The public pages the Teams app package links to (website, privacy, terms): what Goesting is
 * and who sees the data, in all eight languages, from the same locale texts as the bot.
 */
import type { i18n as I18n } from 'i18next';
import { RTL_LANGUAGES, UI_LANGUAGES } from '../core/taxonomy/categories.js';
import { translator } from '../i18n/index.js';
import type { Handler } from './server.js';

const escape = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function createInfoPage(i18n: I18n): Handler {
  const sections = UI_LANGUAGES.map((lang) => {
    const tr = translator(i18n, lang);
    const name = tr({ key: `taxonomy:langName.${lang}` });
    const dir = RTL_LANGUAGES.has(lang) ? 'rtl' : 'ltr';
    const paragraphs = ['start.welcome', 'consent.ask', 'privacy.more'].map((key) => `<p>${escape(tr({ key }))}</p>`).join('');
    return `<section lang="${lang}" dir="${dir}"><h2>${escape(name)}</h2>${paragraphs}</section>`;
  }).join('\n');
  const html = `<!doctype html><html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Goesting</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}section{border-top:1px solid #ddd}</style></head>
<body><h1>Goesting</h1>\n${sections}</body></html>`;
  return (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': Buffer.byteLength(html) });
    res.end(html);
  };
}
