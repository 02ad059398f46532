/**
 * `npm run lexicon:check -- <lang>`: the checks `npm test` makes on one language's lexicon file,
 * quickly, for whoever extends it: the file is valid, every entry finds its own id, no category
 * entry is a sensitive word, and a needs-only sensitive entry counts only at the needs question.
 */
import { isLang } from '../src/core/taxonomy/categories.js';
import { lexiconProblems } from '../test/support/lexicon-problems.js';

const [lang] = process.argv.slice(2);
if (!isLang(lang)) {
  console.error('usage: npm run lexicon:check -- <nl|en|fr|ar|tr|uk|ro|fa>');
  process.exit(2);
}
const problems = lexiconProblems(lang); // loading the lexicon throws, naming the entry, when a file is not valid
for (const p of problems) console.log(p);
console.log(`lexicon/${lang}.json: ${problems.length} problems`);
process.exitCode = problems.length > 0 ? 1 : 0;
