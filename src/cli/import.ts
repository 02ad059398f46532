/**
 * `npm run import -- <file.csv|file.json>`: loads a Stuyfplek's existing list of residents,
 * offers and asks. A thin shell over `services/import.ts`; writing to stdout/stderr is
 * its interface. Exit 1 = refused (every problem on its own line, nothing written), 2 = bad usage.
 */
import { matchingConfigFrom } from '../config.js';
import { openToolDatabase, readEnvironment, runTool } from '../environment.js';
import { createMatcher } from '../core/matching/matcher.js';
import { createMatchingStore } from '../db/repositories/matching-store.js';
import { ImportError } from '../core/import/errors.js';
import { formatSummary } from '../core/import/types.js';
import { today } from '../core/time.js';
import { importFile, matchImported } from '../services/import.js';

const USAGE = `Usage: npm run import -- <file.csv|file.json>

One row per participant, offer or ask (column "type"); see "Import an existing list" in README.md.
Every row is checked first: with any problem nothing is written. Importing the same file again
changes nothing; changed rows are updated.
`;

function usage(problem: string): never {
  process.stderr.write(`${problem}\n\n${USAGE}`);
  process.exit(2);
}

const BAR_WIDTH = 20;
const REDRAW_MS = 100;

/** `[#####-----] 1234/5000` on stderr, redrawn in place at most every 100 ms; only on a terminal. */
function progressBar(): { update(done: number, total: number): void; end(): void } {
  if (!process.stderr.isTTY) return { update: () => undefined, end: () => undefined };
  let last = 0;
  let drawn = false;
  const draw = (done: number, total: number) => {
    const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
    process.stderr.write(`\r[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${done}/${total}`);
    drawn = true;
  };
  return {
    update(done, total) {
      const now = Date.now();
      if (done < total && now - last < REDRAW_MS) return;
      last = now;
      draw(done, total);
    },
    end() {
      if (drawn) process.stderr.write('\n');
      drawn = false;
    },
  };
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  const files = argv.filter((a) => a !== '--');
  if (files.length !== 1) usage(files.length === 0 ? 'Name the file to import.' : 'Import one file at a time.');
  const [file] = files as [string];
  if (file.startsWith('-')) usage(`Unknown option "${file}".`);

  const config = readEnvironment();
  const handle = await openToolDatabase(config);
  const bar = progressBar();
  try {
    // Imported profiles and offers are matched like confirmed ones, after the import committed.
    const matcher = createMatcher(createMatchingStore(handle.db), matchingConfigFrom(config));
    let suggestions = new Set<string>();
    const summary = await importFile(handle.db, file, {
      // Belgian time: an offer ending today is still valid today in Belgium.
      today: today(),
      onProgress: (done, total) => bar.update(done, total),
      afterCommit: async (ids) => {
        suggestions = await matchImported(matcher, ids);
      },
    });
    bar.end();
    process.stdout.write(`${file}: ${summary.rows} row(s): ${formatSummary(summary)}; ${suggestions.size} suggestion(s) found.\n`);
  } finally {
    bar.end();
    await handle.close();
  }
}

runTool('import', () => main(process.argv.slice(2)), [ImportError]);
