/**
 * `npm run matches -- [--place lier] [--limit 20] [--lang nl]`: the current suggestions with
 * their score and reasons, in the chosen language — what a matchmaker will see in Teams.
 */
import { openToolDatabase, readEnvironment, runTool, toolArgs } from '../environment.js';
import { listSuggestions } from '../db/repositories/match-queries.js';
import { createI18n, translator } from '../i18n/index.js';
import { formatSuggestions } from './format-suggestions.js';
import { isLang, UI_LANGUAGES } from '../core/taxonomy/categories.js';

const USAGE = 'usage: npm run matches -- [--place <code>] [--limit <1-500>] [--lang nl|en|fr|ar|tr|uk|ro|fa]\n';

async function main(): Promise<number> {
  const args = toolArgs(USAGE, { place: { type: 'string' }, limit: { type: 'string', default: '20' }, lang: { type: 'string', default: 'nl' }, help: { type: 'boolean' } });
  if (typeof args === 'number') return args;
  const limit = Number(args.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 500) {
    process.stderr.write(`--limit ${args.limit} is not valid: expected a whole number from 1 to 500\n`);
    return 1;
  }
  if (!isLang(args.lang)) {
    process.stderr.write(`--lang ${args.lang} is not valid: expected one of ${UI_LANGUAGES.join(', ')}\n`);
    return 1;
  }
  const database = await openToolDatabase(readEnvironment());
  try {
    const list = await listSuggestions(database.db, { place: args.place, limit });
    process.stdout.write(formatSuggestions(list, translator(createI18n(), args.lang)));
    return 0;
  } finally {
    await database.close();
  }
}

runTool('matches', main);
