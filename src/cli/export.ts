/**
 * `npm run export -- --from 2026-01 --to 2026-12 [--place lier] [--min-count 5] [--out file.csv]`:
 * anonymous counts per place and month (see core/impact/export.ts). Writes to stdout unless `--out`.
 * Exit 1 = refused (one line saying why), 2 = bad usage.
 */
import { writeFileSync } from 'node:fs';
import { isMonth } from '../core/impact/period.js';
import { openToolDatabase, readEnvironment, runTool, toolArgs } from '../environment.js';
import { placeCodes as storedPlaceCodes } from '../db/repositories/admin.js';
import { DEFAULT_MIN_COUNT } from '../core/impact/export.js';
import { exportCsv } from '../services/export.js';

const USAGE = `usage: npm run export -- --from YYYY-MM --to YYYY-MM [--place <code>] [--min-count <n>] [--out <file.csv>]

Anonymous counts per place and month: no names, ids or free text. Counts from 1 to n-1 are
written as "<n" (default n = ${DEFAULT_MIN_COUNT}).
`;

async function main(): Promise<number> {
  const args = toolArgs(USAGE, { from: { type: 'string' }, to: { type: 'string' }, place: { type: 'string', multiple: true }, 'min-count': { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean' } });
  if (typeof args === 'number') return args;
  if (!args.from || !args.to) {
    process.stderr.write(`Name the months: --from and --to.\n${USAGE}`);
    return 2;
  }
  for (const [name, value] of [['--from', args.from], ['--to', args.to]] as const) {
    if (!isMonth(value)) {
      process.stderr.write(`${name} ${value} is not valid: expected a month like 2026-01\n`);
      return 1;
    }
  }
  if (args.from > args.to) {
    process.stderr.write(`--from ${args.from} is after --to ${args.to}\n`);
    return 1;
  }
  const minCount = args['min-count'] === undefined ? DEFAULT_MIN_COUNT : Number(args['min-count']);
  if (!Number.isInteger(minCount) || minCount < 1 || minCount > 100) {
    process.stderr.write(`--min-count ${args['min-count']} is not valid: expected a whole number from 1 to 100\n`);
    return 1;
  }
  const database = await openToolDatabase(readEnvironment());
  try {
    const placeCodes = args.place?.flatMap((p) => p.split(',')).map((p) => p.trim().toLowerCase()).filter(Boolean);
    if (placeCodes?.length) {
      const known = new Set(await storedPlaceCodes(database.db));
      const unknown = placeCodes.filter((p) => !known.has(p));
      if (unknown.length) {
        process.stderr.write(`unknown place ${unknown.join(', ')}: ${known.size ? `known are ${[...known].sort().join(', ')}` : 'there are no places yet (npm run admin -- place add)'}\n`);
        return 1;
      }
    }
    const csv = await exportCsv(database.db, { from: args.from, to: args.to }, { placeCodes: placeCodes?.length ? placeCodes : undefined, minCount });
    if (args.out) {
      writeFileSync(args.out, csv);
      process.stderr.write(`${args.out}: ${csv.split('\r\n').length - 2} line(s) of counts\n`);
    } else {
      process.stdout.write(csv);
    }
    return 0;
  } finally {
    await database.close();
  }
}

runTool('export', main);
