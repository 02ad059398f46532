/**
 * `npm run lexicon:check -- <lang>`: the checks `npm test` makes on one language's lexicon file,
 * quickly, for whoever extends it: the file is valid, every entry finds its own id, no category
 * entry is a sensitive word, and a needs-only sensitive entry counts only at the needs question.
 */
import { isLang } from '../src/core/taxonomy/categories.js';
import { entryMarks, LEXICONS } from '../src/core/understanding/lexicon.js';
import { readText, type TextPart } from '../src/core/understanding/read.js';

const [lang] = process.argv.slice(2);
if (!isLang(lang)) {
  console.error('usage: npm run lexicon:check -- <nl|en|fr|ar|tr|uk|ro|fa>');
  process.exit(2);
}
const file = LEXICONS[lang]; // throws, naming the entry, when the file is not valid
const plain = (entry: string) => entryMarks(entry).words;
const read = (entry: string, part: TextPart) => readText(plain(entry), { part, lang });
const problems: string[] = [];
for (const [id, entries] of Object.entries(file.categories))
  for (const entry of entries) {
    const r = read(entry, 'skills');
    if (!r.categories.some((s) => s.id === id)) problems.push(`categories.${id}: "${entry}" finds ${r.categories.map((s) => s.id).join(',') || 'nothing'}`);
    if (r.flags.length > 0) problems.push(`categories.${id}: "${entry}" is a sensitive word (${r.flags.join(',')})`);
  }
for (const [id, entries] of Object.entries(file.ambitions))
  for (const entry of entries) if (!read(entry, 'ambition').ambitions.some((s) => s.id === id)) problems.push(`ambitions.${id}: "${entry}" does not find ${id}`);
for (const section of ['sensitive', 'needsSensitive'] as const)
  for (const [id, entries] of Object.entries(file[section]))
    for (const entry of entries) if (!read(entry, 'needs').flags.includes(id as never)) problems.push(`${section}.${id}: "${entry}" does not raise ${id}`);
for (const [id, entries] of Object.entries(file.needsSensitive))
  for (const entry of entries) {
    const flags = read(entry, 'skills').flags;
    if (flags.length > 0) problems.push(`needsSensitive.${id}: "${entry}" raises ${flags.join(',')} at other questions too (another sensitive entry holds it: move it to "sensitive", or drop it)`);
  }
for (const p of problems) console.log(p);
console.log(`lexicon/${lang}.json: ${problems.length} problems`);
process.exitCode = problems.length > 0 ? 1 : 0;
