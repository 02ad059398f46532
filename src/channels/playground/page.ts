/**
 * The playground page: plain HTML and a little script, no build step. Its few labels come from
 * the locale files (injected as JSON); every message and card text is rendered by the server.
 */
import { OFFER_TYPES } from '../../core/offers/offer-form.js';
import { CATEGORIES, SPOKEN_LANGUAGES, UI_LANGUAGES } from '../../core/taxonomy/categories.js';
import type { Translate } from '../../i18n/index.js';

/** Labels and choices for the page, in Dutch (the default language of the Stuyfplek). */
export function pageData(tr: Translate, places: { code: string; name: string }[]) {
  const l = (key: string) => tr({ key });
  return {
    labels: {
      newOffer: l('teams:help.newOffer'), newAsk: l('teams:help.newAsk'), save: l('teams:form.save'), feed: tr({ key: 'teams:digest.title', params: { place: { raw: 'Stuyfplek' } } }),
      hint: l('picker.ownWordsHint'), meeting: l('teams:digest.meetingPlaceholder'), reason: l('teams:digest.reasonPlaceholder'),
      title: l('teams:form.title'), description: l('teams:form.description'), type: l('teams:form.type'), categories: l('teams:form.categories'),
      places: l('teams:form.places'), languages: l('teams:form.languages'), startsOn: l('teams:form.startsOn'), endsOn: l('teams:form.endsOn'),
      capacity: l('teams:form.capacity'), contact: l('teams:form.contact'),
    },
    types: OFFER_TYPES.map((t) => ({ value: t, title: l(`teams:type.${t}`) })),
    categories: CATEGORIES.map((c) => ({ value: c.id, title: `${c.emoji} ${l(`taxonomy:cat.${c.id}`)}` })),
    languages: SPOKEN_LANGUAGES.map((code) => ({ value: code, title: l(`taxonomy:langName.${code}`) })),
    uiLanguages: UI_LANGUAGES.map((code) => ({ value: code, title: l(`taxonomy:langName.${code}`) })),
    places: places.map((p) => ({ value: p.code, title: p.name })),
  };
}

const SCRIPT = String.raw`
const D = JSON.parse(document.getElementById('data').textContent);
const $ = (s) => document.querySelector(s);
const post = (url, body) => fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
const el = (tag, attrs = {}, ...kids) => { const e = document.createElement(tag); Object.assign(e, attrs); kids.forEach((k) => e.append(k)); return e; };
const state = { resident: '1', lang: 'nl', seen: {} };
const chats = {};
function chat() { return (chats[state.resident] ||= []); }
function draw() {
  const log = $('#chat'); log.replaceChildren();
  for (const m of chat()) {
    const bubble = el('div', { className: 'bubble ' + m.from, dir: 'auto' }, m.text);
    if (m.buttons && m.buttons.length) {
      const kb = el('div', { className: 'keyboard' });
      for (const row of m.buttons) kb.append(el('div', { className: 'row' }, ...row.map((b) => el('button', { textContent: b.text, onclick: () => send({ button: b.data }, b.text) }))));
      bubble.append(kb);
    }
    log.append(bubble);
  }
  log.scrollTop = log.scrollHeight;
}
async function send(input, shown) {
  if (shown) chat().push({ from: 'me', text: shown });
  const r = await post('/playground/api/turn', { resident: state.resident, name: 'Bewoner ' + state.resident, lang: state.lang, ...input });
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
async function feed() {
  const r = await post('/playground/api/feed', { lang: 'nl' });
  const box = $('#feed'); box.replaceChildren();
  for (const c of r.cards) {
    const card = el('div', { className: 'card' }, el('b', { textContent: c.title }), el('div', { textContent: c.who }), el('ul', {}, ...c.reasons.map((x) => el('li', { textContent: x }))));
    if (c.actions.length) {
      const note = el('input', { placeholder: D.labels.meeting });
      const reason = el('input', { placeholder: D.labels.reason });
      card.append(note, reason, el('div', {}, ...c.actions.map((a) => el('button', { textContent: a.label, className: a.verb, onclick: async () => { await post('/playground/api/decide', { matchId: c.id, verb: a.verb, note: note.value, reason: reason.value }); feed(); } }))));
    }
    box.append(card);
  }
}
function multi(name, options) { const s = el('select', { name, multiple: true, size: 4 }); options.forEach((o) => s.append(el('option', { value: o.value, textContent: o.title }))); return s; }
function form() {
  const f = $('#offer');
  const field = (label, input) => el('label', {}, el('span', { textContent: label }), input);
  const kind = el('select', { name: 'kind' }, el('option', { value: 'offer', textContent: D.labels.newOffer }), el('option', { value: 'ask', textContent: D.labels.newAsk }));
  const type = el('select', { name: 'type' }); D.types.forEach((o) => type.append(el('option', { value: o.value, textContent: o.title })));
  f.append(kind, field(D.labels.title, el('input', { name: 'title' })), field(D.labels.description, el('textarea', { name: 'description' })), field(D.labels.type, type),
    field(D.labels.categories, multi('categories', D.categories)), field(D.labels.places, multi('places', D.places)), field(D.labels.languages, multi('languages', D.languages)),
    field(D.labels.startsOn, el('input', { name: 'startsOn', type: 'date' })), field(D.labels.endsOn, el('input', { name: 'endsOn', type: 'date' })),
    field(D.labels.capacity, el('input', { name: 'capacity', type: 'number', min: 1 })), field(D.labels.contact, el('input', { name: 'contact' })),
    el('button', { type: 'submit', textContent: D.labels.save }), el('div', { id: 'offerResult' }));
  f.onsubmit = async (e) => {
    e.preventDefault();
    const body = {};
    for (const x of f.elements) if (x.name) body[x.name] = x.multiple ? [...x.selectedOptions].map((o) => o.value).join(',') : x.value;
    const r = await post('/playground/api/offers', body);
    f.querySelectorAll('.error').forEach((x) => x.remove());
    if (r.ok) { $('#offerResult').textContent = r.text; feed(); return; }
    $('#offerResult').textContent = '';
    for (const [name, text] of Object.entries(r.errors)) f.elements[name]?.closest('label')?.append(el('em', { className: 'error', textContent: text }));
  };
}
function residents() {
  const who = $('#who'); for (const n of ['1', '2', '3']) who.append(el('option', { value: n, textContent: '👤 ' + n }));
  who.onchange = () => { state.resident = who.value; draw(); };
  const lang = $('#lang'); D.uiLanguages.forEach((o) => lang.append(el('option', { value: o.value, textContent: o.title })));
  lang.onchange = () => (state.lang = lang.value);
  $('#say').onsubmit = (e) => { e.preventDefault(); const t = $('#text').value; if (!t) return; $('#text').value = ''; send({ text: t }, t); };
  $('#text').placeholder = D.labels.hint;
}
residents(); form(); feed(); send({ text: '/start lier' }); setInterval(inbox, 1500); setInterval(feed, 4000);
`;

const STYLE = `
body{font-family:system-ui,sans-serif;margin:0;background:#f3f5f4;color:#1d2a24}
main{display:grid;grid-template-columns:minmax(300px,380px) 1fr 1fr;gap:1rem;padding:1rem;height:calc(100vh - 2rem)}
section{background:#fff;border-radius:12px;padding:1rem;overflow:auto;box-shadow:0 1px 3px #0002}
h2{margin:.2rem 0 .8rem;font-size:1.1rem}
#chat{height:calc(100% - 7rem);overflow:auto;background:#e6efe9;border-radius:10px;padding:.5rem}
.bubble{background:#fff;border-radius:10px;padding:.5rem .7rem;margin:.4rem 0;white-space:pre-wrap;max-width:90%}
.bubble.me{background:#d2f3c5;margin-inline-start:auto}.bubble.toast{background:none;color:#667;font-size:.8rem;text-align:center;margin:auto}
.keyboard .row{display:flex;gap:.3rem;margin-top:.3rem}.keyboard button{flex:1;border:1px solid #8bb;border-radius:8px;background:#f7fbfb;padding:.35rem;cursor:pointer}
#say{display:flex;gap:.4rem;margin-top:.5rem}#say input{flex:1;padding:.5rem}
label{display:block;margin:.4rem 0}label span{display:block;font-size:.85rem;color:#456}input,textarea,select{width:100%;box-sizing:border-box;padding:.35rem}
.error{color:#b3261e;font-size:.85rem}.card{border:1px solid #cfd8d3;border-radius:10px;padding:.7rem;margin:.5rem 0}.card button{margin:.3rem .3rem 0 0}
`;

export function playgroundPage(data: ReturnType<typeof pageData>): string {
  const json = JSON.stringify(data).replace(/</g, '\\u003c');
  return `<!doctype html><html lang="nl"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Goesting</title><style>${STYLE}</style></head>
<body><main>
<section id="resident"><h2>📱 Telegram <select id="who" style="width:auto"></select> <select id="lang" style="width:auto"></select></h2><div id="chat"></div>
<form id="say"><input id="text" autocomplete="off"><button>➤</button></form></section>
<section><h2>🏢 Teams · ${data.labels.newOffer}</h2><form id="offer"></form></section>
<section><h2>🧭 Teams · ${data.labels.feed}</h2><div id="feed"></div></section>
</main><script type="application/json" id="data">${json}</script><script>${SCRIPT}</script></body></html>`;
}
