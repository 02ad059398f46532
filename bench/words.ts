/**
 * `npm run bench:words`: how well residents' own words are understood, per language, on the
 * labelled sets in test/fixtures/words. Prints precision, recall and F1 of the categories (and
 * ambitions) the dialogue would keep, the recall of sensitive topics (a sensitive answer whose
 * words would be stored is a privacy failure), and the false alarms: ordinary answers flagged as
 * sensitive, whose words are then dropped. Asserts nothing.
 * It also prints how many ordinary needs were not understood: at the needs question such words are
 * not kept (fail safe), so that is what the matchmaker loses.
 *
 * What is measured is what the dialogue does: `readOwnWords` at every question — flags when a
 * sensitive topic is found (the words are then not kept), and at most three categories, as
 * "Did you mean …?" offers them — ambition ids at the ambition question.
 *
 * Two sets: the tuning set (`words/<lang>.json`, whose misses `npm run words:misses` shows to
 * whoever extends the lexicon) and the held-out set (`words/unseen/<lang>.json`, written later by
 * other writers and never shown): the held-out figures are the fair measure of words nobody tuned
 * the lexicon on.
 */
import { existsSync } from 'node:fs';
import type { Lang } from '../src/core/taxonomy/categories.js';
import { lexicon } from '../src/core/understanding/patterns.js';
import { judgeCase, LANGS, readWordCases, UNSEEN_DIR, WORDS_DIR, type WordCase } from '../test/support/words.js';

interface Tally {
  tp: number;
  fp: number;
  fn: number;
  sensitiveCases: number;
  sensitiveCaught: number;
  /** Sensitive answers whose words the dialogue would keep. */
  stored: number;
  /** Answers with nothing sensitive that were flagged anyway (their words are then dropped). */
  falseAlarms: number;
  ordinary: number;
  /** Ordinary answers at the needs question that were not understood: their words are not kept. */
  unclearNeeds: number;
  ordinaryNeeds: number;
  cases: number;
}

const empty = (): Tally => ({ tp: 0, fp: 0, fn: 0, sensitiveCases: 0, sensitiveCaught: 0, stored: 0, falseAlarms: 0, ordinary: 0, unclearNeeds: 0, ordinaryNeeds: 0, cases: 0 });

function add(t: Tally, c: WordCase, lang: Lang): void {
  const { found, extra, missed, flags, keepWords } = judgeCase(c, lang);
  t.tp += found.length - extra.length;
  t.fp += extra.length;
  t.fn += missed.length;
  t.cases++;
  if (c.sensitive.length > 0) {
    t.sensitiveCases++;
    if (flags.length > 0) t.sensitiveCaught++;
    if (keepWords) t.stored++;
  } else {
    t.ordinary++;
    if (flags.length > 0) t.falseAlarms++;
    if (c.part === 'needs') {
      t.ordinaryNeeds++;
      if (flags.length === 0 && found.length === 0) t.unclearNeeds++;
    }
  }
}

const ratio = (a: number, b: number) => (b === 0 ? NaN : a / b);
const fmt = (x: number) => (Number.isNaN(x) ? '   – ' : x.toFixed(3));

function row(name: string, t: Tally): string {
  const p = ratio(t.tp, t.tp + t.fp);
  const r = ratio(t.tp, t.tp + t.fn);
  const f1 = Number.isNaN(p) || Number.isNaN(r) || p + r === 0 ? 0 : (2 * p * r) / (p + r);
  const alarms = `${fmt(ratio(t.falseAlarms, t.ordinary))} (${t.falseAlarms}/${t.ordinary})`;
  return `${name.padEnd(8)} ${String(t.cases).padStart(5)}  ${fmt(p)}  ${fmt(r)}  ${fmt(f1)}   ${fmt(ratio(t.sensitiveCaught, t.sensitiveCases))} (${t.sensitiveCaught}/${t.sensitiveCases})   ${String(t.stored).padStart(6)}   ${alarms}`;
}

const gc = (globalThis as { gc?: () => void }).gc;
gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const compileStarted = performance.now();
const compiled = lexicon();
const compileMs = performance.now() - compileStarted;
gc?.();
const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
console.log(
  `lexicon: ${compiled.patterns.length} entries compiled in ${Math.round(compileMs)} ms, ${gc ? `${Math.round(heapMb)} MB of heap` : 'heap not measured (run with node --expose-gc)'}`,
);

const started = performance.now();
let answers = 0;
for (const [name, dir] of [
  ['tuning set (test/fixtures/words)', WORDS_DIR],
  ['held-out set (test/fixtures/words/unseen), never shown while the lexicon was written', UNSEEN_DIR],
] as const) {
  console.log(`\n${name}`);
  console.log('language cases  precision recall  F1      sensitive recall   stored   false alarms (ordinary answers flagged)');
  const total = empty();
  for (const lang of LANGS) {
    if (!existsSync(new URL(`${lang}.json`, dir))) {
      console.log(`${lang.padEnd(8)} (no labelled set yet)`);
      continue;
    }
    const t = empty();
    for (const c of readWordCases(lang, dir)) {
      add(t, c, lang);
      add(total, c, lang);
    }
    console.log(row(lang, t));
  }
  console.log(row('overall', total));
  console.log(`ordinary needs in which nothing was understood (nothing of them is kept): ${fmt(ratio(total.unclearNeeds, total.ordinaryNeeds))} (${total.unclearNeeds}/${total.ordinaryNeeds})`);
  answers += total.cases;
}
const ms = (performance.now() - started) / answers;
console.log(`\n${ms.toFixed(2)} ms per answer on average`);
console.log('goals: overall F1 ≥ 0.90, every language ≥ 0.85, sensitive recall ≥ 0.98 with no sensitive words stored');
