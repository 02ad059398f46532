/**
 * `npm run words:misses -- <lang> [fp|fn|sensitive|alarm]`: the answers of the tuning set
 * (`test/fixtures/words/<lang>.json`) that the lexicon gets wrong, with the entry that fired — for
 * whoever extends `lexicon/<lang>.json`. The held-out set (`words/unseen`) is never shown, so it
 * stays a fair test.
 */
import { isLang } from '../src/core/taxonomy/categories.js';
import { readText } from '../src/core/understanding/read.js';
import { judgeCase, readWordCases } from '../test/support/words.js';

const [lang, mode = 'all'] = process.argv.slice(2);
if (!isLang(lang)) {
  console.error('usage: npm run words:misses -- <nl|en|fr|ar|tr|uk|ro|fa> [fp|fn|sensitive|alarm]');
  process.exit(2);
}
let shown = 0;
for (const c of readWordCases(lang)) {
  const { extra, missed, flags } = judgeCase(c, lang);
  const sensitiveMissed = c.sensitive.length > 0 && flags.length === 0;
  const alarm = c.sensitive.length === 0 && flags.length > 0;
  const wanted = { all: extra.length > 0 || missed.length > 0 || sensitiveMissed || alarm, fp: extra.length > 0, fn: missed.length > 0, sensitive: sensitiveMissed, alarm }[mode];
  if (!wanted) continue;
  shown++;
  console.log(`[${c.part}] ${c.text}`);
  if (extra.length) console.log(`   offered, not meant: ${extra.map((x) => `${x.id} (entry "${x.entry}", ${x.confidence})`).join(', ')}`);
  if (missed.length) console.log(`   meant, not found:   ${missed.join(', ')}`);
  if (sensitiveMissed) console.log(`   SENSITIVE NOT FLAGGED: ${c.sensitive.join(', ')} — these words would be stored`);
  if (alarm) console.log(`   flagged, not sensitive: ${flags.join(', ')} (entries ${(readText(c.text, { part: c.part, lang, explain: true }).sensitiveEntries ?? []).join(', ')})`);
}
console.log(`${shown} answers of the tuning set shown`);
