/**
 * `npm run admin -- <command>`: places, organisations and matchmakers without SQL. A thin shell
 * over `services/admin.ts`; writing to stdout is its interface. Exit 1 = refused, 2 = bad usage.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Database } from '../db/client.js';
import { openToolDatabase, readEnvironment, runTool } from '../environment.js';
import { AdminError } from '../core/admin/errors.js';
import {
  addMatchmaker,
  addOrganisation,
  addPlace,
  listMatchmakers,
  listOrganisations,
  listPlaces,
  removeMatchmaker,
  removeTenant,
} from '../services/admin.js';

const USAGE = `Usage: npm run admin -- <command> [options]

  place add --code <code> --name <name> --city <city> [--contact <text>]
            [--service "name=CAW;phone=0800 13 500;topics=money_debts,housing"]...
  place list
  org add --code <code> --name <name> [--contact <text>] [--tenant <tenant-guid>]...
  org remove-tenant --tenant <tenant-guid>
  org list
  matchmaker add --aad <object-id-guid> --place <code> --name <name>
  matchmaker remove --aad <object-id-guid> --place <code>
  matchmaker list [--place <code>]

Service topics: money_debts, housing, health, papers, violence, food_energy, work, learning, general.
Service keys: name, topics (required), phone, address, url.
`;

type Options = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | (string | boolean)[] | undefined>;

const one = { type: 'string' } as const;
const many = { type: 'string', multiple: true } as const;

/** Aligned columns, two spaces apart, without trailing blanks: readable and easy to grep. */
function table(header: string[], rows: string[][]): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return all.map((r) => r.map((cell, i) => (i === r.length - 1 ? cell : cell.padEnd(widths[i] ?? 0))).join('  ')).join('\n') + '\n';
}

const str = (v: Values[string]) => (typeof v === 'string' ? v : undefined);
const list = (v: Values[string]) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : undefined);

interface Command {
  options: Options;
  run(db: Database, values: Values): Promise<string>;
}

const COMMANDS: Record<string, Command> = {
  'place add': {
    options: { code: one, name: one, city: one, contact: one, service: many },
    async run(db, v) {
      const { outcome, place } = await addPlace(db, { code: str(v.code), name: str(v.name), city: str(v.city), contact: str(v.contact), service: list(v.service) });
      return (
        `Place ${place.code} ${outcome}: ${place.name} (${place.city}), ${place.services.length} service(s).\n` +
        `Deep link for posters: t.me/<bot>?start=${place.code}\n`
      );
    },
  },
  'place list': {
    options: {},
    async run(db) {
      const rows = await listPlaces(db);
      if (rows.length === 0) return 'No places yet (the app adds the launch places at start; or use "place add").\n';
      return table(['CODE', 'NAME', 'CITY', 'SERVICES', 'MATCHMAKERS'], rows.map((p) => [p.code, p.name, p.city, String(p.services), String(p.matchmakers)]));
    },
  },
  'org add': {
    options: { code: one, name: one, contact: one, tenant: many },
    async run(db, v) {
      const { outcome, organisation: o } = await addOrganisation(db, { code: str(v.code), name: str(v.name), contact: str(v.contact), tenant: list(v.tenant) });
      return `Organisation ${o.code} ${outcome}: ${o.name}; tenants: ${o.tenants.join(', ') || 'none'}.\n`;
    },
  },
  'org remove-tenant': {
    options: { tenant: one },
    async run(db, v) {
      const { tenant, organisation } = await removeTenant(db, { tenant: str(v.tenant) });
      return organisation ? `Tenant ${tenant} removed from ${organisation}.\n` : `Tenant ${tenant} was not registered; nothing to do.\n`;
    },
  },
  'org list': {
    options: {},
    async run(db) {
      const rows = await listOrganisations(db);
      if (rows.length === 0) return 'No organisations yet (use "org add").\n';
      return table(['CODE', 'NAME', 'TENANTS'], rows.map((o) => [o.code, o.name, o.tenants.join(', ') || '-']));
    },
  },
  'matchmaker add': {
    options: { aad: one, place: one, name: one },
    async run(db, v) {
      const { outcome, matchmaker: m } = await addMatchmaker(db, { aad: str(v.aad), place: str(v.place), name: str(v.name) });
      return `Matchmaker ${m.name} (${m.aad}) of ${m.place} ${outcome}.\n`;
    },
  },
  'matchmaker remove': {
    options: { aad: one, place: one },
    async run(db, v) {
      const { removed } = await removeMatchmaker(db, { aad: str(v.aad), place: str(v.place) });
      return removed ? 'Matchmaker removed.\n' : 'Not a matchmaker of that place; nothing to do.\n';
    },
  },
  'matchmaker list': {
    options: { place: one },
    async run(db, v) {
      const rows = await listMatchmakers(db, { place: str(v.place) });
      if (rows.length === 0) return 'No matchmakers (use "matchmaker add").\n';
      return table(['PLACE', 'NAME', 'AAD OBJECT ID'], rows.map((m) => [m.place, m.name, m.aad]));
    },
  },
};

function usage(problem: string): never {
  process.stderr.write(`${problem}\n\n${USAGE}`);
  process.exit(2);
}

async function main(argv: string[]): Promise<void> {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h')) {
    process.stdout.write(USAGE);
    return;
  }
  const name = argv.slice(0, 2).join(' ');
  const command = COMMANDS[name];
  if (!command) usage(`Unknown command "${name}".`);
  let values: Values;
  try {
    ({ values } = parseArgs({ args: argv.slice(2), options: command.options, strict: true, allowPositionals: false }));
  } catch (error) {
    usage(`${name}: ${(error instanceof Error ? error.message : String(error)).split('\n')[0]}`);
  }

  const handle = await openToolDatabase(readEnvironment());
  try {
    process.stdout.write(await command.run(handle.db, values));
  } finally {
    await handle.close();
  }
}

runTool('admin', () => main(process.argv.slice(2)), [AdminError]);
