/**
 * The playground page: plain HTML and a little script, no build step. The provider pane and the
 * matchmaker feed are the Teams Adaptive Cards, rendered in the browser by Microsoft's own
 * `adaptivecards` renderer (served from the installed package); the resident chat shows the
 * dialogue's messages and buttons as Telegram would. Its few labels come from the locale files.
 */
import { UI_LANGUAGES } from '../../core/taxonomy/categories.js';
import type { Translate } from '../../i18n/index.js';

/** Fictional residents to play; names only, no one real. */
export const PLAYGROUND_RESIDENTS = [
  { id: '1', name: 'Sam' },
  { id: '2', name: 'Noor' },
  { id: '3', name: 'Ilias' },
] as const;

/** Labels and choices for the page, in Dutch (the default language of the Stuyfplek). */
export function pageData(tr: Translate) {
  const l = (key: string) => tr({ key });
  return {
    labels: {
      resident: l('teams:playground.resident'),
      provider: l('teams:playground.provider'),
      matchmaker: l('teams:playground.matchmaker'),
      feedEmpty: l('teams:playground.feedEmpty'),
      who: l('teams:playground.who'),
      stats: l('teams:playground.stats'),
      hint: l('picker.ownWordsHint'),
    },
    residents: PLAYGROUND_RESIDENTS,
    uiLanguages: UI_LANGUAGES.map((code) => ({ value: code, title: l(`taxonomy:langName.${code}`) })),
    place: 'lier',
  };
}

const SCRIPT = String.raw`
const D = JSON.parse(document.getElementById('data').textContent);
const $ = (s) => document.querySelector(s);
const post = (url, body) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
const el = (tag, attrs = {}, ...kids) => { const e = document.createElement(tag); Object.assign(e, attrs); kids.forEach((k) => e.append(k)); return e; };
const state = { resident: D.residents[0].id, lang: 'nl', seen: {}, known: null };
const chats = {};
const nameOf = (id) => D.residents.find((r) => r.id === id).name;
function chat() { return (chats[state.resident] ||= []); }

// ---- Adaptive Cards, as Teams shows them
// adaptivecards 3.0 reads an empty Input.Number as NaN and refuses it even when optional; Teams does not.
const numberValue = Object.getOwnPropertyDescriptor(AdaptiveCards.NumberInput.prototype, 'value');
Object.defineProperty(AdaptiveCards.NumberInput.prototype, 'value', { ...numberValue, get() { const v = numberValue.get.call(this); return Number.isNaN(v) ? undefined : v; } });
const host = new AdaptiveCards.HostConfig({ fontFamily: 'system-ui, sans-serif', actions: { actionsOrientation: 'horizontal', actionAlignment: 'stretch', buttonSpacing: 6, maxActions: 6 } });
function renderCard(json, onAction) {
  const card = new AdaptiveCards.AdaptiveCard();
  card.hostConfig = host;
  card.onExecuteAction = (action) => onAction(action.verb, action.data || {});
  card.parse(json);
  return card.render();
}

// ---- Resident: a phone with the Telegram chat
function draw() {
  const log = $('#chat'); log.replaceChildren();
  for (const m of chat()) {
    const bubble = el('div', { className: 'bubble ' + m.from, dir: 'auto' }, m.text);
    if (m.buttons && m.buttons.length) {
      const kb = el('div', { className: 'keyboard' });
      for (const row of m.buttons) kb.append(el('div', { className: 'row' }, ...row.map((b) => { const x = el('button', { type: 'button', textContent: b.text, onclick: () => send({ button: b.data }, b.text) }); x.dataset.cb = b.data; return x; })));
      bubble.append(kb);
    }
    log.append(bubble);
  }
  log.scrollTop = log.scrollHeight;
}
async function send(input, shown) {
  if (shown) chat().push({ from: 'me', text: shown });
  const r = await post('/playground/api/turn', { resident: state.resident, name: nameOf(state.resident), lang: state.lang, ...input });
  $('#chat').dir = r.rtl ? 'rtl' : 'ltr';
  for (const m of r.messages || []) {
    if (m.type === 'toast') { if (m.text) chat().push({ from: 'toast', text: m.text }); continue; }
    const last = [...chat()].reverse().find((x) => x.from === 'bot' && x.buttons && x.buttons.length);
    if (m.edit === 'markup' && last) last.buttons = m.buttons;
    else if (m.edit === 'text' && last) { last.text = m.text; last.buttons = m.buttons; }
    else if (m.text) chat().push({ from: 'bot', text: m.text, buttons: m.buttons });
  }
  draw(); feed();
}
async function inbox() {
  const r = await post('/playground/api/inbox', { resident: state.resident, after: state.seen[state.resident] || 0 });
  for (const m of r.messages) { chat().push({ from: 'bot', text: m.text, buttons: m.buttons }); state.seen[state.resident] = m.id; }
  if (r.messages.length) draw();
}
function play(id) {
  state.resident = id;
  document.querySelectorAll('#who button').forEach((b) => b.classList.toggle('on', b.value === id));
  draw();
  if (!chat().length) send({ text: '/start ' + D.place });
}
function residents() {
  const lang = $('#lang');
  for (const r of D.residents) lang.before(el('button', { type: 'button', value: r.id, textContent: '👤 ' + r.name, onclick: () => play(r.id) }));
  D.uiLanguages.forEach((o) => lang.append(el('option', { value: o.value, textContent: o.title })));
  lang.onchange = () => (state.lang = lang.value);
  $('#say').onsubmit = (e) => { e.preventDefault(); const t = $('#text').value; if (!t) return; $('#text').value = ''; send({ text: t }, t); };
  $('#text').placeholder = D.labels.hint;
}

// ---- Provider: the Teams offer cards
async function provider(verb, data) {
  const r = await post('/playground/api/provider', { verb, data, lang: 'nl' });
  $('#provider').replaceChildren(renderCard(r.card, provider));
  if (verb === 'saveOffer' || verb === 'closeOffer') feed();
}

// ---- Matchmaker: one digest card per suggestion; a card is redrawn only when it changed
function cardNode(c, fresh) {
  const node = el('div', { className: 'card' + (fresh ? ' fresh' : '') });
  Object.assign(node.dataset, { match: c.id, state: c.state, key: JSON.stringify(c.card) });
  if (fresh) setTimeout(() => node.classList.remove('fresh'), 8000);
  node.append(renderCard(c.card, async (verb, data) => {
    const r = await post('/playground/api/decide', { matchId: data.matchId, verb, data, lang: 'nl' });
    if (r.card) node.replaceWith(cardNode({ id: c.id, state: r.state, card: r.card }));
  }));
  return node;
}
async function feed() {
  const r = await post('/playground/api/feed', { lang: 'nl' });
  const box = $('#feed');
  const known = state.known;
  state.known = new Set(r.cards.map((c) => c.id));
  if (!r.cards.length) return box.replaceChildren(el('p', { className: 'empty', textContent: D.labels.feedEmpty }));
  box.replaceChildren(...r.cards.map((c) => {
    const old = box.querySelector('[data-match="' + c.id + '"]');
    return old && old.dataset.key === JSON.stringify(c.card) ? old : cardNode(c, known && !known.has(c.id));
  }));
}

async function stats() {
  const box = $('#stats');
  if (box.childElementCount) return box.replaceChildren();
  const r = await post('/playground/api/stats', { lang: 'nl' });
  box.replaceChildren(renderCard(r.card, () => undefined));
}
$('#statsButton').onclick = stats;

residents(); provider(); feed(); play(state.resident); setInterval(inbox, 1500); setInterval(feed, 4000);
`;

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;background:#f3f5f4;color:#1d2a24}
main{display:grid;grid-template-columns:minmax(300px,380px) 1fr 1fr;gap:1rem;padding:1rem;height:calc(100vh - 2rem)}
section{background:#fff;border-radius:12px;padding:1rem;overflow:auto;box-shadow:0 1px 3px #0002}
h2{margin:.2rem 0 .6rem;font-size:1.05rem}
#resident{display:flex;flex-direction:column;border:10px solid #1d2a24;border-radius:28px;padding:.6rem}
#who{display:flex;gap:.3rem;flex-wrap:wrap;align-items:center;margin-bottom:.4rem}#who button{border:1px solid #8bb;border-radius:14px;background:#fff;padding:.2rem .6rem;cursor:pointer}
#who button.on{background:#2a7a5a;color:#fff;border-color:#2a7a5a}#lang{margin-inline-start:auto;width:auto}
#chat{flex:1;overflow:auto;background:#e6efe9;border-radius:10px;padding:.5rem}
.bubble{background:#fff;border-radius:10px;padding:.5rem .7rem;margin:.4rem 0;white-space:pre-wrap;max-width:90%}
.bubble.me{background:#d2f3c5;margin-inline-start:auto}.bubble.toast{background:none;color:#667;font-size:.8rem;text-align:center;margin:auto}
.keyboard .row{display:flex;gap:.3rem;margin-top:.3rem}.keyboard button{flex:1;border:1px solid #8bb;border-radius:8px;background:#f7fbfb;padding:.35rem;cursor:pointer}
#say{display:flex;gap:.4rem;margin-top:.5rem}#say input{flex:1;padding:.5rem}
.card{border:1px solid #cfd8d3;border-radius:10px;padding:.3rem;margin:.5rem 0;transition:background 2s}.card.fresh{background:#fff7d6}
.empty{color:#667}#statsButton{float:inline-end;border:1px solid #5b5fc7;background:#fff;color:#444791;border-radius:6px;cursor:pointer}
#stats:not(:empty){border:1px solid #5b5fc7;border-radius:10px;padding:.3rem;margin-bottom:.5rem}
.ac-pushButton{border:1px solid #5b5fc7;background:#fff;color:#444791;border-radius:6px;padding:.35rem .5rem;cursor:pointer;font:inherit;white-space:nowrap}
.ac-pushButton:hover{background:#5b5fc7;color:#fff}
.ac-actionSet{flex-wrap:wrap;row-gap:6px}.ac-actionSet>.ac-pushButton{flex:1 1 auto!important}
.ac-input{font:inherit;box-sizing:border-box;width:100%;padding:.3rem;border:1px solid #bbb;border-radius:4px}
`;

export function playgroundPage(data: ReturnType<typeof pageData>): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  const l = data.labels;
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Goesting</title><style>${STYLE}</style></head>
<body><main>
<section id="resident"><h2>📱 ${l.resident}</h2><div id="who" aria-label="${l.who}"><select id="lang"></select></div><div id="chat"></div>
<form id="say"><input id="text" autocomplete="off"><button>➤</button></form></section>
<section><h2>🏢 ${l.provider}</h2><div id="provider"></div></section>
<section><h2>🧭 ${l.matchmaker} <button type="button" id="statsButton">${l.stats}</button></h2><div id="stats"></div><div id="feed"></div></section>
</main><script type="application/json" id="data">${json}</script><script src="/playground/adaptivecards.js"></script><script>${SCRIPT}</script></body></html>`;
}
